package io.newsflow.cli;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.ingest.monitor.Outlet;
import io.newsflow.ingest.replay.ReplayReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Each stage alone, so they can be deployed as separate services. */
final class StageCommands {
  private StageCommands() {}

  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description = {
        "The ingest stage alone, producing to news.raw:",
        "  ingest ARCHIVE          replay a folder, WARC or JSON Lines file and exit;",
        "  ingest --outlets FILE   monitor outlets until Ctrl-C (see docs/monitoring.md)."
      })
  static final class Ingest implements Callable<Integer> {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "ARCHIVE",
        description = "Folder of .txt/.html files, WARC file or JSON Lines file to replay.")
    Path archive;

    @Option(
        names = "--outlets",
        paramLabel = "FILE",
        description = "Monitor the outlets in this file (YAML or JSON) until stopped.")
    Path outlets;

    @Option(
        names = "--warc",
        paramLabel = "FILE",
        description = "With --outlets: also write fetched pages to this gzip WARC file.")
    Path warc;

    @Option(
        names = "--outlet",
        paramLabel = "NAME",
        description = "With ARCHIVE: outlet name to stamp on every article.")
    String outlet;

    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
      if ((archive == null) == (outlets == null)) {
        System.err.println(
            "newsflow ingest: give either an ARCHIVE to replay or --outlets FILE to monitor");
        return 2;
      }
      NewsflowConfig config = common.config(Map.of());
      return archive != null ? replay(config) : monitor(config);
    }

    private int replay(NewsflowConfig config) throws IOException {
      if (!ReplayCommand.isArchive(archive)) {
        System.err.println("newsflow ingest: " + ReplayCommand.NOT_AN_ARCHIVE + archive);
        return 2;
      }
      try (Cluster cluster = Cluster.external(config)) {
        cluster.ensureTopics(Pipeline.tagger(config).topicNames());
        ReplayReport r = ReplayCommand.ingest(cluster, config, archive, outlet, common.progress());
        System.out.printf(
            "ingested %d article(s) to news.raw, %d dead-lettered, %d file(s) skipped%n",
            r.produced(), r.deadLettered(), r.skipped());
      }
      return 0;
    }

    private int monitor(NewsflowConfig config) throws Exception {
      List<Outlet> list;
      try {
        list = MonitorSession.loadOutlets(outlets);
      } catch (IllegalArgumentException e) {
        System.err.println("newsflow ingest: " + e.getMessage());
        return 2;
      }
      Progress progress = common.progress();
      try (Cluster cluster = Cluster.external(config);
          UntilStopped until = new UntilStopped()) {
        cluster.ensureTopics(Pipeline.tagger(config).topicNames());
        String failure;
        try (MonitorSession session = new MonitorSession(config, list, cluster, warc, progress)) {
          session.start();
          progress.info(
              "monitoring "
                  + list.size()
                  + " outlet(s) into news.raw at "
                  + cluster.bootstrapServers()
                  + "; Ctrl-C stops cleanly");
          RunCommand.StatusPrinter printer =
              new RunCommand.StatusPrinter(System.err, Duration.ofSeconds(30), common.quiet);
          failure =
              until.await(
                  () -> {
                    printer.maybePrint(session.monitor(), 0);
                    return session.monitor().failure();
                  });
          progress.info(
              "stopping: finishing fetches in flight, flushing, saving the seen-URL store");
        }
        return report(failure);
      }
    }
  }

  @Command(
      name = "enrich",
      mixinStandardHelpOptions = true,
      description =
          "Run the enrich stage (Kafka Streams: news.raw -> news.enriched, news.topic.*, news.dlq) until stopped.")
  static final class Enrich implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
      NewsflowConfig config = common.config(Map.of());
      Tagger tagger = Pipeline.tagger(config);
      try (Cluster cluster = Cluster.external(config);
          UntilStopped until = new UntilStopped()) {
        cluster.ensureTopics(tagger.topicNames());
        String failure;
        try (EnrichService enrich =
            new EnrichService(
                Pipeline.streamsProps(cluster, config), Pipeline.enrichSettings(config, tagger))) {
          cluster.prepareForEnrich(enrich, Pipeline.exactlyOnce(config));
          enrich.start();
          common
              .progress()
              .info("enrich running against " + cluster.bootstrapServers() + "; Ctrl-C stops it");
          failure =
              until.await(() -> enrich.failure() == null ? null : enrich.failure().toString());
        }
        return report(failure);
      }
    }
  }

  @Command(
      name = "sink",
      mixinStandardHelpOptions = true,
      description = {
        "Run the sink stage until stopped: news.enriched -> files (JSON Lines or Avro, rolled, with their offsets)",
        "and, with --postgres, a PostgreSQL database too. Exactly once: each output keeps the positions it has consumed.",
        "Settings: sink.roll.bytes, sink.roll.ms, sink.topics, sink.postgres.user/.password (env NEWSFLOW_SINK_POSTGRES_USER, ...)."
      })
  static final class Sink implements Callable<Integer> {
    @Mixin SinkOptions output;

    @Option(
        names = "--stop-when-idle",
        paramLabel = "SECONDS",
        description =
            "Stop (committing everything) once no article has arrived for this long: drain the topics "
                + "into the output and exit, for batch jobs. Default: run until Ctrl-C.")
    Integer stopWhenIdle;

    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
      NewsflowConfig config = common.config(output.settings());
      AtomicLong handled = new AtomicLong();
      AtomicLong lastArrival = new AtomicLong(System.nanoTime());
      try (Cluster cluster = Cluster.external(config);
          UntilStopped until = new UntilStopped()) {
        // news.dlq must exist before a dead letter is sent
        cluster.ensureTopics(Pipeline.tagger(config).topicNames());
        try (Sinks sinks =
            new Sinks(
                cluster,
                config,
                (a, o) -> {
                  handled.incrementAndGet();
                  lastArrival.set(System.nanoTime());
                })) {
          sinks.descriptions().forEach(d -> common.progress().info("sink writing " + d));
          sinks.start();
          common
              .progress()
              .info(
                  stopWhenIdle == null
                      ? "Ctrl-C stops it"
                      : "stops when idle for " + stopWhenIdle + " s, or on Ctrl-C");
          long idleNanos = stopWhenIdle == null ? Long.MAX_VALUE : stopWhenIdle * 1_000_000_000L;
          String failure =
              until.await(sinks::failure, () -> idleFor(sinks, lastArrival, idleNanos));
          sinks.close();
          common.progress().info("sink handled " + handled.get() + " article(s)");
          return report(failure);
        }
      }
    }
  }

  /**
   * Whether the sink has been idle for {@code idleNanos}. The clock starts only once every sink
   * owns its partitions: before that it cannot have read anything (after a killed sink, the group
   * waits for the dead member's session to time out), so waiting is not idleness.
   */
  static boolean idleFor(Sinks sinks, AtomicLong lastArrival, long idleNanos) {
    if (!sinks.joined()) {
      lastArrival.set(System.nanoTime());
      return false;
    }
    return System.nanoTime() - lastArrival.get() > idleNanos;
  }

  @Command(
      name = "broker",
      mixinStandardHelpOptions = true,
      description =
          "Run the in-process Kafka broker (KRaft, one node) until stopped, for the stage commands to share.")
  static final class Broker implements Callable<Integer> {
    @Option(
        names = "--port",
        defaultValue = "9092",
        description = "Port clients connect to (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
      NewsflowConfig config = common.config(Map.of());
      try (UntilStopped until = new UntilStopped();
          EmbeddedKafkaBroker broker =
              EmbeddedKafkaBroker.start(
                  config.dataDir().resolve("kafka"), port, Map.of(), Duration.ofSeconds(90))) {
        System.out.println(
            "broker listening on "
                + broker.bootstrapServers()
                + " (data in "
                + broker.dataDir()
                + "); Ctrl-C stops it");
        until.await(() -> null);
      }
      return 0;
    }
  }

  static int report(String failure) {
    if (failure != null) {
      System.err.println("newsflow: " + failure);
      return 1;
    }
    return 0;
  }
}
