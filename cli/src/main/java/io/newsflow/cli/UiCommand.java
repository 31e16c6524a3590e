package io.newsflow.cli;

import io.newsflow.cli.dashboard.Dashboard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The web dashboard alone, against any cluster. */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the live web dashboard of a cluster's pipeline until Ctrl-C: outlets, articles/s per stage,",
      "consumer lag, dead letters, and the latest articles with their tag evidence and removed lines.",
      "Reads the topics with a consumer of its own (no group, nothing committed). Every view has a JSON",
      "endpoint: /api/outlets, /api/pipeline, /api/dead-letters, /api/articles, /api/articles/ID."
    },
    footer = {
      "",
      "Example:",
      "  ./newsflow ui --bootstrap-servers localhost:9092 --ui-port 8642",
      "See docs/dashboard.md."
    })
final class UiCommand implements Callable<Integer> {
  @Mixin DashboardOptions dashboard;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> flags = new HashMap<>(dashboard.settings());
    NewsflowConfig config = common.config(flags);
    Progress progress = common.progress();
    try (Cluster cluster = Cluster.external(config);
        UntilStopped until = new UntilStopped()) {
      cluster.ensureTopics(Pipeline.tagger(config).topicNames());
      try (Alerts alerts = new Alerts(cluster.clientProps());
          Dashboard d =
              DashboardOptions.start(
                  config, cluster, true, List::of, () -> null, alerts, progress)) {
        progress.info("reading " + cluster.bootstrapServers() + "; Ctrl-C stops it");
        until.await(() -> null);
      }
    }
    return 0;
  }
}
