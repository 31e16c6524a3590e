package io.newsflow.cli;

import io.newsflow.cli.dashboard.Dashboard;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.ingest.monitor.Monitor;
import io.newsflow.ingest.monitor.Outlet;
import io.newsflow.ingest.monitor.OutletStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Monitors outlets through every stage until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Monitor outlets (feeds, sitemaps, seed pages) through ingest, enrich and sink until Ctrl-C.",
      "Runs an in-process Kafka broker (data in --data-dir) unless --bootstrap-servers names a cluster.",
      "Polite (robots.txt, per-host pacing, User-Agent with monitor.contact) and incremental: an article is "
          + "fetched once, and again only when its feed or sitemap says it changed, across restarts.",
      "Prints a status line per outlet every --status-every; faults are logged, counted and dead-lettered."
    },
    footer = {
      "",
      "Example:",
      "  ./newsflow run --outlets outlets.example.yaml --out out/",
      "Settings (--config file or NEWSFLOW_* env): monitor.contact, monitor.threads, monitor.host.interval.ms, ...",
      "See docs/monitoring.md."
    })
final class RunCommand implements Callable<Integer> {
  @Option(
      names = "--outlets",
      required = true,
      paramLabel = "FILE",
      description = "Outlets file (YAML or JSON).")
  Path outlets;

  @Mixin SinkOptions output;

  @Option(
      names = "--warc",
      paramLabel = "FILE",
      description =
          "Also write every fetched article page to this gzip WARC file (appended; replayable).")
  Path warc;

  @Option(
      names = "--status-every",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Seconds between status prints (default: ${DEFAULT-VALUE}).")
  int statusEvery;

  @Mixin DashboardOptions dashboard;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    List<Outlet> list;
    try {
      list = MonitorSession.loadOutlets(outlets);
    } catch (IllegalArgumentException e) {
      System.err.println("newsflow run: " + e.getMessage());
      return 2;
    }
    Map<String, Object> flags = new HashMap<>(output.settings());
    flags.putAll(dashboard.settings());
    NewsflowConfig config = common.config(flags);
    Progress progress = common.progress();
    Tagger tagger = Pipeline.tagger(config);
    AtomicLong sunk = new AtomicLong();
    try (Cluster cluster = Cluster.embeddedUnlessConfigured(config, progress);
        UntilStopped until = new UntilStopped()) {
      cluster.ensureTopics(tagger.topicNames());
      String failure;
      Monitor monitor;
      List<String> outputs;
      AtomicReference<Monitor> running = new AtomicReference<>();
      try (Alerts alerts = new Alerts(cluster.clientProps());
          Dashboard ui =
              dashboard.startIfWanted(
                  config,
                  cluster,
                  () -> running.get() == null ? List.of() : running.get().status(),
                  () -> waitingFor(running.get()),
                  alerts,
                  progress);
          Pipeline pipeline =
              new Pipeline(
                  cluster,
                  config,
                  tagger,
                  (a, o) -> {
                    sunk.incrementAndGet();
                    if (ui != null) {
                      ui.sunk(a);
                    }
                  })) {
        progress.info("starting enrich and sink (" + cluster.bootstrapServers() + ")");
        pipeline.start(Duration.ofSeconds(120));
        outputs = pipeline.outputs();
        try (MonitorSession session = new MonitorSession(config, list, cluster, warc, progress)) {
          monitor = session.monitor();
          running.set(monitor);
          session.start();
          progress.info(
              "monitoring "
                  + list.size()
                  + " outlet(s) from "
                  + outlets
                  + "; Ctrl-C stops cleanly");
          StatusPrinter printer =
              new StatusPrinter(
                  System.err, Duration.ofSeconds(Math.max(1, statusEvery)), common.quiet);
          failure =
              until.await(
                  () -> {
                    printer.maybePrint(monitor, sunk.get());
                    return monitor.failure() != null ? monitor.failure() : pipeline.failure();
                  });
          progress.info(
              "stopping: finishing fetches in flight, flushing, saving the seen-URL store");
        }
        if (warc != null) {
          progress.info("fetched pages written to " + warc);
        }
      }
      printSummary(System.out, monitor, sunk.get(), outputs);
      return StageCommands.report(failure);
    }
  }

  /** What an outlet whose poll is due waits for, in words. */
  static String waitingFor(Monitor monitor) {
    if (monitor == null) {
      return null;
    }
    return "its feed and article fetches, queued with "
        + monitor.queued()
        + " other(s); each host is fetched at most once per monitor.host.interval.ms, "
        + "after its robots.txt";
  }

  static void printSummary(PrintStream out, Monitor monitor, long sunk, List<String> outputs) {
    out.println("newsflow run summary");
    for (OutletStatus s : monitor.status()) {
      out.printf(
          "  %-24s polls %d  new %d  updated %d  errors %d  dead-lettered %d%n",
          s.outlet(), s.polls(), s.newArticles(), s.updatedArticles(), s.errors(), s.deadLetters());
    }
    out.printf("  faults           %s%n", monitor.faultCounts());
    out.printf("  written by sink  %d%n", sunk);
    outputs.forEach(o -> out.printf("  output           %s%n", o));
  }

  /** Prints one status line per outlet at most every {@code every}. */
  static final class StatusPrinter {
    private final PrintStream err;
    private final long everyNanos;
    private final boolean quiet;
    private long last = System.nanoTime();

    StatusPrinter(PrintStream err, Duration every, boolean quiet) {
      this.err = err;
      this.everyNanos = every.toNanos();
      this.quiet = quiet;
    }

    void maybePrint(Monitor monitor, long sunk) {
      if (quiet || System.nanoTime() - last < everyNanos) {
        return;
      }
      last = System.nanoTime();
      Instant now = Instant.now();
      err.printf(
          "newsflow: status at %s (queued fetches %d, known articles %d, written by sink %d)%n",
          now.toString().substring(11, 19), monitor.queued(), monitor.knownArticles(), sunk);
      for (OutletStatus s : monitor.status()) {
        String next =
            s.nextPollAt() == null
                ? s.waitingFor() != null
                    ? "polling now: " + s.waitingFor()
                    : "polling now (its fetches wait in a queue of "
                        + monitor.queued()
                        + ", paced per host)"
                : "next poll in "
                    + Progress.format(
                        Duration.between(now, s.nextPollAt()).isNegative()
                            ? Duration.ZERO
                            : Duration.between(now, s.nextPollAt()));
        err.printf(
            "  %-24s polled %d  new %d  updated %d  errors %d  %s%s%n",
            s.outlet(),
            s.polls(),
            s.newArticles(),
            s.updatedArticles(),
            s.errors(),
            next,
            s.lastError() == null ? "" : "  last error: " + abbreviate(s.lastError()));
      }
      err.flush();
    }

    private static String abbreviate(String s) {
      return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
  }
}
