package io.newsflow.cli;

import io.newsflow.cli.dashboard.Dashboard;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.ingest.KafkaRawSink;
import io.newsflow.ingest.RawSink;
import io.newsflow.ingest.replay.ArchiveReplay;
import io.newsflow.ingest.replay.ReplayReport;
import io.newsflow.ingest.replay.ReplaySettings;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Replays a folder through every stage and waits until each article has reached an end. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay an archive through ingest, enrich and sink, wait until every article has reached the sink or "
          + "the dead-letter topic, print a summary and exit. ARCHIVE is a folder of .txt/.html files (recursive), "
          + "a WARC file (.warc, .warc.gz) or JSON Lines of {url, html|text, fetched_at} (.jsonl, .jsonl.gz).",
      "Runs an in-process Kafka broker (data in --data-dir) unless --bootstrap-servers names a cluster.",
      "Replaying the same folder again leaves one record per article in the output."
    },
    footer = {"", "Example:", "  ./newsflow replay ../shared/seeds --out out/"})
final class ReplayCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "ARCHIVE",
      description = "Folder, WARC file or JSON Lines file to replay.")
  Path folder;

  @Mixin SinkOptions output;

  @Option(
      names = "--outlet",
      paramLabel = "NAME",
      description = "Outlet name to stamp on every replayed article.")
  String outlet;

  @Option(
      names = "--max-ahead",
      paramLabel = "N",
      defaultValue = "5000",
      description = {
        "Send at most N articles past the oldest one still on its way through the pipeline (default: "
            + "${DEFAULT-VALUE}; 0: no limit). Outlets are spread over partitions of unequal size, which "
            + "enrich works through at the same pace; without a limit a large archive's outlets drift "
            + "far apart in time, and an event's later reports miss the stories its earlier ones opened."
      })
  int maxAhead;

  @Mixin DashboardOptions dashboard;

  @Mixin CommonOptions common;

  // what the last call measured, for `newsflow bench pipeline`
  private long startupNanos;
  private long articles;

  /** Nanoseconds from the start of the last call until enrich and sink were running. */
  long startupNanos() {
    return startupNanos;
  }

  /** The records the last call replayed (its "articles in"). */
  long articles() {
    return articles;
  }

  @Override
  public Integer call() throws Exception {
    if (!isArchive(folder)) {
      System.err.println("newsflow replay: " + NOT_AN_ARCHIVE + folder);
      return 2;
    }
    Map<String, Object> flags = new HashMap<>(output.settings());
    flags.putAll(dashboard.settings());
    NewsflowConfig config = common.config(flags);
    Progress progress = common.progress();
    long started = System.nanoTime();
    // the taxonomy loads while the broker starts
    java.util.function.Supplier<Tagger> loading = Pipeline.taggerInBackground(config);
    if (maxAhead < 0) {
      System.err.println(
          "newsflow replay: --max-ahead must be 0 (no limit) or more, not " + maxAhead);
      return 2;
    }
    Tracker tracker = maxAhead > 0 ? Tracker.inSendOrder() : new Tracker();
    try (Cluster cluster = Cluster.embeddedUnlessConfigured(config, progress)) {
      Tagger tagger = loading.get();
      cluster.ensureTopics(tagger.topicNames());
      // the dashboard is set up while enrich joins its group, after the pipeline that reports to it
      java.util.concurrent.atomic.AtomicReference<Dashboard> shown =
          new java.util.concurrent.atomic.AtomicReference<>();
      try (Pipeline pipeline = new Pipeline(cluster, config, tagger, sinking(tracker, shown))) {
        progress.info("starting enrich and sink (" + cluster.bootstrapServers() + ")");
        // Streams joins its group (about a second) while the watchers are set up and the archive is
        // sent: the articles wait in news.raw until enrich holds its partitions
        pipeline.begin();
        try (Alerts alerts = new Alerts(cluster.clientProps());
            Dashboard ui =
                dashboard.startIfWanted(config, cluster, List::of, () -> null, alerts, progress);
            // positioned at the dead-letter topic's end before the first article is sent
            DeadLetterWatcher dlq = new DeadLetterWatcher(cluster.clientProps())) {
          shown.set(ui);
          try {
            return replay(config, cluster, progress, tracker, pipeline, ui, dlq, started);
          } finally {
            // before the dashboard closes: no article is shown on a closed one
            shown.set(null);
          }
        }
      }
    }
  }

  private int replay(
      NewsflowConfig config,
      Cluster cluster,
      Progress progress,
      Tracker tracker,
      Pipeline pipeline,
      Dashboard ui,
      DeadLetterWatcher dlq,
      long started)
      throws Exception {
    long ingestStarted = System.nanoTime();
    long cpuStarted = processCpuNanos();
    long stallNanos = config.getLong(NewsflowConfig.STALL_TIMEOUT_CONFIG) * 1_000_000L;
    ReplayReport report;
    try {
      report =
          ingest(
              cluster,
              config,
              folder,
              outlet,
              progress,
              tracker,
              () -> keepWithin(maxAhead, tracker, dlq, pipeline, stallNanos));
    } catch (Stopped e) {
      System.err.printf(
          "newsflow replay: %s (%d of the %d articles sent so far reached an end)%n",
          e.getMessage(), tracker.done(), tracker.expectedCount());
      return 1;
    }
    // a short archive is all sent before enrich has joined; a long one waited for it above
    pipeline.awaitRunning(Duration.ofSeconds(120));
    startupNanos = pipeline.runningSince() - started;
    articles = report.total();
    String failure = await(tracker, dlq, pipeline, stallNanos, progress);
    // for bench/scripts/dashboard-overhead.sh: the pipeline's own time, without start and stop
    org.slf4j.LoggerFactory.getLogger(ReplayCommand.class)
        .info(
            "replay pipeline: {} articles in {} ms from the first ingested to the last sunk",
            tracker.expectedCount(),
            (System.nanoTime() - ingestStarted) / 1_000_000);
    if (ui != null && failure == null) {
      ui.awaitCaughtUp(Duration.ofSeconds(10));
    }
    // for bench/scripts/dashboard-overhead.sh: the work of the whole process (every thread, the
    // in-process broker and the GC included) for these articles, the dashboard's catch-up too
    org.slf4j.LoggerFactory.getLogger(ReplayCommand.class)
        .info(
            "replay window: {} articles, {} ms wall, {} ms process CPU",
            tracker.expectedCount(),
            (System.nanoTime() - ingestStarted) / 1_000_000,
            (processCpuNanos() - cpuStarted) / 1_000_000);
    // stories are committed with their articles; give the story sink a moment to read them
    boolean storiesRead =
        failure == null && pipeline.stories().awaitCaughtUp(Duration.ofSeconds(10));
    printSummary(
        System.out,
        report,
        tracker,
        storiesLine(tracker.storyCount(), pipeline.stories(), storiesRead),
        pipeline.outputs(),
        System.nanoTime() - started);
    if (ui != null && ui.alertCount() > 0) {
      System.out.printf(
          "  alerts           %d (on news.alerts; see the warnings above)%n", ui.alertCount());
    }
    if (failure != null) {
      System.err.println("newsflow replay: " + failure);
      return 1;
    }
    // on a terminal, the dashboard stays for the person to look at; a script goes on
    if (dashboard.wanted() && System.console() != null) {
      progress.info("the dashboard stays at " + ui.url() + " until Ctrl-C");
      try (UntilStopped until = new UntilStopped()) {
        until.await(pipeline::failure);
      }
    }
    return 0;
  }

  /**
   * What a replay hears of each article the sink handled: the tracker counts it, and the dashboard
   * shows it while {@code shown} holds one.
   */
  static io.newsflow.sink.SinkListener sinking(
      Tracker tracker, java.util.concurrent.atomic.AtomicReference<Dashboard> shown) {
    return (a, o) -> {
      tracker.sunk(a, o);
      Dashboard ui = shown.get();
      if (ui != null) {
        ui.sunk(a);
      }
    };
  }

  /** The CPU time of the whole process, all threads, from the OS; -1 when the JVM cannot say. */
  static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  static final String NOT_AN_ARCHIVE =
      "not a folder, WARC (.warc[.gz]) or JSON Lines (.jsonl[.gz]) file: ";

  static boolean isArchive(Path path) {
    return Files.exists(path) && ArchiveReplay.accepts(path);
  }

  /**
   * Produces an archive to news.raw with a progress bar; returns once every record is acknowledged.
   */
  static ReplayReport ingest(
      Cluster cluster, NewsflowConfig config, Path archive, String outlet, Progress progress)
      throws IOException {
    return ingest(cluster, config, archive, outlet, progress, null, () -> {});
  }

  /**
   * As {@link #ingest(Cluster, NewsflowConfig, Path, String, Progress)}, telling {@code tracker}
   * (when not null) of each article just before it is sent, so no end can be seen before it, and
   * running {@code beforeEach} before each send (on this thread; it may block to pace the sending).
   */
  static ReplayReport ingest(
      Cluster cluster,
      NewsflowConfig config,
      Path archive,
      String outlet,
      Progress progress,
      Tracker tracker,
      Runnable beforeEach)
      throws IOException {
    ReplaySettings settings =
        new ReplaySettings(config.getInt(NewsflowConfig.MAX_BYTES_CONFIG), outlet);
    long t0 = System.nanoTime();
    try (KafkaRawSink sink = new KafkaRawSink(cluster.clientProps())) {
      ReplayReport report =
          ArchiveReplay.replay(
              archive,
              settings,
              tracker == null ? sink : tracked(sink, tracker, beforeEach),
              (done, total) -> progress.bar("ingest", done, total, t0));
      sink.flush();
      return report;
    }
  }

  private static RawSink tracked(RawSink sink, Tracker tracker, Runnable beforeEach) {
    return new RawSink() {
      @Override
      public void article(RawArticle article) {
        beforeEach.run();
        tracker.expect(article.getId());
        sink.article(article);
      }

      @Override
      public void deadLetter(DeadLetter letter) {
        if (letter.getArticleId() != null) {
          beforeEach.run();
          tracker.expect(letter.getArticleId());
        }
        sink.deadLetter(letter);
      }
    };
  }

  /** Waits until every article reached an end; returns why it stopped early, or null. */
  private static String await(
      Tracker tracker,
      DeadLetterWatcher dlq,
      Pipeline pipeline,
      long stallNanos,
      Progress progress) {
    long t0 = System.nanoTime();
    while (tracker.done() < tracker.expectedCount()) {
      dlq.poll(DeadLetterWatcher.MAX_WAIT, tracker::dead, tracker::page);
      progress.bar("enrich", tracker.done(), tracker.expectedCount(), t0);
      String failure = whyStopped(tracker, pipeline, stallNanos);
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  /**
   * Blocks while the newest article sent is {@code maxAhead} or more past the oldest one still on
   * its way (never when {@code maxAhead} is 0), reading the dead-letter and page topics meanwhile,
   * since those are ends too. Throws {@link Stopped} when the pipeline failed or stalled.
   */
  private static void keepWithin(
      int maxAhead, Tracker tracker, DeadLetterWatcher dlq, Pipeline pipeline, long stallNanos) {
    if (maxAhead <= 0) {
      return;
    }
    while (tracker.ahead() >= maxAhead) {
      dlq.poll(DeadLetterWatcher.MAX_WAIT, tracker::dead, tracker::page);
      String failure = whyStopped(tracker, pipeline, stallNanos);
      if (failure != null) {
        throw new Stopped(failure);
      }
    }
  }

  /** The pipeline's failure, a stall past {@code stallNanos}, or null while all is well. */
  private static String whyStopped(Tracker tracker, Pipeline pipeline, long stallNanos) {
    String failure = pipeline.failure();
    if (failure != null) {
      return failure;
    }
    if (tracker.nanosSinceLastChange() > stallNanos) {
      return "no progress for "
          + Progress.format(Duration.ofNanos(stallNanos))
          + "; still missing "
          + tracker.missing()
          + " article(s)";
    }
    return null;
  }

  /** The replay stopped while sending: the pipeline failed or made no progress. */
  private static final class Stopped extends RuntimeException {
    Stopped(String why) {
      super(why, null, false, false);
    }
  }

  /** The summary's line for the stories of the replayed articles (distinct {@code storyId}s). */
  static String storiesLine(
      long stories, io.newsflow.sink.story.StorySinkRunner sink, boolean complete) {
    return String.format(
        "  stories          %d%s (on news.stories%s)",
        stories,
        sink.merges() > 0 ? ", " + sink.merges() + " merged into others" : "",
        complete ? "" : "; the story sink was still reading it");
  }

  static void printSummary(
      PrintStream out,
      ReplayReport report,
      Tracker tracker,
      String storiesLine,
      List<String> outputs,
      long nanos) {
    out.println("newsflow replay summary");
    out.printf("  articles in      %d%n", report.total());
    out.printf("  enriched         %d  %s%n", tracker.enriched(), tracker.outcomes());
    long dead = tracker.deadByReason().values().stream().mapToInt(Integer::intValue).sum();
    out.printf("  dead-lettered    %d%n", dead);
    tracker.deadByReason().forEach((reason, n) -> out.printf("    %3d  %s%n", n, reason));
    Map<String, Integer> pages = tracker.pageKinds();
    if (!pages.isEmpty()) {
      out.printf(
          "  not news         %d  %s (in news.pages)%n",
          pages.values().stream().mapToInt(Integer::intValue).sum(), pages);
    }
    if (report.skipped() > 0) {
      out.printf("  skipped files    %d (not .txt/.html)%n", report.skipped());
    }
    out.println("  tags");
    tracker.tagCounts().forEach((tag, n) -> out.printf("    %-14s %d%n", tag, n));
    out.println(storiesLine);
    outputs.forEach(o -> out.printf("  output           %s%n", o));
    out.printf("  time taken       %s%n", Progress.format(Duration.ofNanos(nanos)));
  }
}
