package io.newsflow.cli;

import io.newsflow.enrich.retag.Retagger;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Tags the history again with another taxonomy, beside the live pipeline. */
@Command(
    name = "retag",
    mixinStandardHelpOptions = true,
    description = {
      "Tag every article already on news.enriched (or --from TOPIC) again with TAXONOMY and write the "
          + "results to their own compacted topic (default news.retagged.<taxonomy version>), then exit.",
      "Each record names the taxonomy version that tagged it. The live pipeline's topics, groups and "
          + "offsets are not touched; running it again replaces rather than duplicates."
    },
    footer = {
      "",
      "Example:",
      "  ./newsflow retag my-taxonomy.json --bootstrap-servers localhost:9092",
      "  ./newsflow tail news.retagged.<version> --from-beginning"
    })
final class RetagCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TAXONOMY", description = "Taxonomy file to tag with.")
  Path taxonomy;

  @Option(
      names = "--from",
      paramLabel = "TOPIC",
      defaultValue = "news.enriched",
      description = "Topic of enriched articles to re-tag (default: ${DEFAULT-VALUE}).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "TOPIC",
      description = "Target topic (default: news.retagged.<taxonomy version>).")
  String to;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    NewsflowConfig config = common.config(Map.of());
    Tagger tagger = Tagger.load(taxonomy);
    String target = to != null ? to : Retagger.defaultTarget(tagger.version());
    Progress progress = common.progress();
    try (Cluster cluster = Cluster.embeddedUnlessConfigured(config, progress)) {
      cluster.ensureTopics(tagger.topicNames());
      cluster.ensure(
          new TopicSpec<>(target, Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde(), true));
      progress.info(
          "re-tagging " + from + " with taxonomy " + tagger.version() + " into " + target);
      long t0 = System.nanoTime();
      Retagger.Report r =
          new Retagger(cluster.clientProps(), tagger)
              .run(
                  from,
                  target,
                  n -> progress.info(n % 1000 == 0 ? n + " article(s) re-tagged" : null));
      System.out.printf(
          "re-tagged %d article(s) into %s with taxonomy %s (%d dead-lettered) in %s%n",
          r.retagged(),
          target,
          tagger.version(),
          r.deadLettered(),
          Progress.format(java.time.Duration.ofNanos(System.nanoTime() - t0)));
      r.tagCounts().forEach((tag, n) -> System.out.printf("  %-14s %d%n", tag, n));
      if (r.failed() > 0) {
        System.err.printf(
            "newsflow retag: the broker refused %d record(s) (first: %s); run retag again once"
                + " the cause is fixed: the target topic is compacted, so a rerun replaces"
                + " rather than duplicates%n",
            r.failed(), r.firstFailure());
        return 1;
      }
    }
    return 0;
  }
}
