package io.newsflow.cli;

import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.text.ExtractorSettings;
import io.newsflow.enrich.topology.EnrichSettings;
import io.newsflow.sink.SinkListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich and sink stages running together in this process. */
final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final EnrichService enrich;
  private final Sinks sinks;

  Pipeline(Cluster cluster, NewsflowConfig config, Tagger tagger, SinkListener listener)
      throws IOException {
    long t0 = System.nanoTime();
    this.enrich = new EnrichService(streamsProps(cluster, config), enrichSettings(config, tagger));
    LOG.info("enrich built in {} ms", Cluster.millisSince(t0));
    long t1 = System.nanoTime();
    try {
      cluster.prepareForEnrich(enrich, exactlyOnce(config));
    } catch (RuntimeException e) {
      enrich.close();
      throw e;
    }
    LOG.info("enrich's topics and transactions ready after {} ms", Cluster.millisSince(t1));
    this.sinks = new Sinks(cluster, config, listener);
  }

  /** The story sink (counts, catching up). */
  io.newsflow.sink.story.StorySinkRunner stories() {
    return sinks.stories();
  }

  /** Where the output goes, one line per sink. */
  List<String> outputs() {
    return sinks.descriptions();
  }

  static Map<String, Object> streamsProps(Cluster cluster, NewsflowConfig config) {
    Map<String, Object> p = new HashMap<>(cluster.clientProps());
    p.put(
        StreamsConfig.STATE_DIR_CONFIG,
        config.dataDir().resolve("streams").toAbsolutePath().toString());
    p.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        config.getString(NewsflowConfig.GUARANTEE_CONFIG));
    p.put(
        StreamsConfig.REPLICATION_FACTOR_CONFIG,
        (int) config.getShort(NewsflowConfig.REPLICATION_CONFIG));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(NewsflowConfig.THREADS_CONFIG));
    int minInSync = config.getInt(NewsflowConfig.MIN_INSYNC_CONFIG);
    if (minInSync > 0) {
      // the repartition and changelog topics Kafka Streams creates itself
      p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), minInSync);
    }
    return p;
  }

  static boolean exactlyOnce(NewsflowConfig config) {
    return config.getString(NewsflowConfig.GUARANTEE_CONFIG).startsWith("exactly_once");
  }

  static EnrichSettings enrichSettings(NewsflowConfig config, Tagger tagger) {
    return new EnrichSettings(
            new ExtractorSettings(config.getInt(NewsflowConfig.MAX_BYTES_CONFIG)), tagger)
        .withNewsKinds(config.newsKinds())
        .withStories(config.storySettings());
  }

  static Tagger tagger(NewsflowConfig config) {
    String file = config.getString(NewsflowConfig.TAXONOMY_CONFIG);
    // what loading learns about the taxonomy's patterns, kept for the next start (CueProbes)
    Path probes = config.dataDir().resolve("cache").resolve("taxonomy-probes.json");
    return file.isBlank() ? Tagger.loadDefault(probes) : Tagger.load(Path.of(file), probes);
  }

  /**
   * Starts loading the taxonomy on a thread of its own (about a second of compiling its cues), so
   * that it overlaps the broker's start; the returned supplier waits for it and throws what the
   * loading threw.
   */
  static java.util.function.Supplier<Tagger> taggerInBackground(NewsflowConfig config) {
    java.util.concurrent.FutureTask<Tagger> task =
        new java.util.concurrent.FutureTask<>(() -> tagger(config));
    Thread t = new Thread(task, "newsflow-taxonomy-load");
    t.setDaemon(true);
    t.start();
    return () -> {
      try {
        return task.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading the taxonomy", e);
      }
    };
  }

  private long begun;

  /** Starts both stages and waits until enrich has joined its group and holds its partitions. */
  void start(Duration timeout) throws InterruptedException {
    begin();
    awaitRunning(timeout);
  }

  /**
   * Starts both stages and returns at once: enrich joins its group (state stores opened, partitions
   * assigned: about a second) while the caller does other work, such as sending the articles, which
   * wait in {@code news.raw} meanwhile.
   */
  void begin() {
    begun = System.nanoTime();
    sinks.start();
    enrich.start();
  }

  /**
   * After {@link #begin()}: waits until enrich is running; throws when it is not within timeout.
   */
  void awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    // in slices, so that a stage that failed while joining is reported at once, not at the timeout
    while (!enrich.awaitRunning(Duration.ofMillis(100))) {
      String failure = failure();
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the enrich stage did not start within " + timeout + " (state " + enrich.state() + ")");
      }
    }
    LOG.info(
        "enrich running {} ms after its start", (enrich.firstRunningNanos() - begun) / 1_000_000);
  }

  /** {@link System#nanoTime()} when enrich first ran, after {@link #awaitRunning(Duration)}. */
  long runningSince() {
    return enrich.firstRunningNanos();
  }

  /** The reason a stage stopped, or null while both run. */
  String failure() {
    if (enrich.failure() != null) {
      return "enrich stopped: " + enrich.failure();
    }
    return sinks.failure();
  }

  @Override
  public void close() throws InterruptedException {
    long t0 = System.nanoTime();
    // each waits on the broker (Streams commits and leaves its group, each sink commits what it
    // wrote): side by side, the stop takes the longer of the two instead of their sum
    RuntimeException[] enrichFailed = new RuntimeException[1];
    Thread enrichClosing =
        new Thread(
            () -> {
              try {
                enrich.close();
              } catch (RuntimeException e) {
                enrichFailed[0] = e;
              }
            },
            "newsflow-enrich-close");
    enrichClosing.start();
    try {
      sinks.close();
    } finally {
      enrichClosing.join();
    }
    if (enrichFailed[0] != null) {
      throw enrichFailed[0];
    }
    LOG.info("enrich and sinks closed in {} ms", Cluster.millisSince(t0));
  }
}
