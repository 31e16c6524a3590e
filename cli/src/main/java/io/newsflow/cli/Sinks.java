package io.newsflow.cli;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.sink.ArticleWriter.Outcome;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkListener;
import io.newsflow.sink.SinkRunner;
import io.newsflow.sink.file.FileSink;
import io.newsflow.sink.file.FileSinkSettings;
import io.newsflow.sink.jsonl.JsonlWriter;
import io.newsflow.sink.postgres.PostgresSettings;
import io.newsflow.sink.story.PostgresStories;
import io.newsflow.sink.story.StoriesJsonl;
import io.newsflow.sink.story.StorySinkRunner;
import io.newsflow.sink.story.StoryWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sink stage as configured: the file sink into the out folder (rolled segments with their
 * manifest, and {@code articles.jsonl} in JSON Lines format), and a PostgreSQL sink beside it when
 * {@code sink.postgres.url} is set. Each runs its own consumer on its own thread; {@code replay},
 * {@code run} and {@code sink} all write their output through this class, so the files look the
 * same whichever command made them.
 */
final class Sinks implements AutoCloseable {
  private final List<AutoCloseable> runners = new ArrayList<>();
  private final StorySinkRunner stories;
  private final List<Thread> threads = new ArrayList<>();
  private final List<String> descriptions = new ArrayList<>();
  private volatile String failure;

  /**
   * @param listener told about each article once every sink has written it, with what the file sink
   *     did with it
   */
  Sinks(Cluster cluster, NewsflowConfig config, SinkListener listener) throws IOException {
    SinkConfig sinkConfig = new SinkConfig(config.originals());
    FileSinkSettings files = sinkConfig.files(config.outDir());
    Optional<PostgresSettings> pg = sinkConfig.postgres();
    Arrivals arrivals = new Arrivals(pg.isPresent() ? 2 : 1, listener);
    Map<String, Object> fileProps = new HashMap<>(cluster.clientProps());
    fileProps.put("group.id", sinkConfig.group());
    add(
        new SinkRunner(
            fileProps,
            new FileSink(files),
            (a, o) -> arrivals.arrived(a, o, true),
            sinkConfig.topics()),
        files.format().name().toLowerCase(Locale.ROOT)
            + " segments in "
            + config.outDir().resolve(FileSink.SEGMENTS)
            + (files.latestView() ? ", latest articles in " + latestView(config) : ""));
    if (pg.isPresent()) {
      Map<String, Object> props = new HashMap<>(cluster.clientProps());
      props.put("group.id", pg.get().consumerGroup());
      add(
          new SinkRunner(
              props,
              SinkConfig.openPostgres(pg.get()),
              (a, o) -> arrivals.arrived(a, o, false),
              sinkConfig.topics()),
          "PostgreSQL " + pg.get().jdbcUrl());
    }
    stories = stories(cluster, config, sinkConfig, pg);
  }

  /** {@code news.stories} into {@code stories.jsonl} in the out folder, and PostgreSQL if set. */
  private StorySinkRunner stories(
      Cluster cluster, NewsflowConfig config, SinkConfig sinkConfig, Optional<PostgresSettings> pg)
      throws IOException {
    List<StoryWriter> writers = new ArrayList<>();
    writers.add(new StoriesJsonl(config.outDir()));
    if (pg.isPresent()) {
      writers.add(new PostgresStories(pg.get()));
    }
    Map<String, Object> props = new HashMap<>(cluster.clientProps());
    props.put("group.id", sinkConfig.group() + "-stories");
    StorySinkRunner runner = new StorySinkRunner(props, writers);
    add(
        runner,
        runner,
        "stories in "
            + config.outDir().resolve(StoriesJsonl.FILE)
            + (pg.isPresent() ? " and the PostgreSQL stories table" : ""));
    return runner;
  }

  /** The story sink: how many stories it has seen, and whether it has read all there is. */
  StorySinkRunner stories() {
    return stories;
  }

  /** Counts each article version's arrivals and reports it once all sinks have it. */
  private static final class Arrivals {
    private final int sinks;
    private final SinkListener listener;
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private final Map<String, Outcome> fileOutcome = new ConcurrentHashMap<>();

    Arrivals(int sinks, SinkListener listener) {
      this.sinks = sinks;
      this.listener = listener;
    }

    void arrived(EnrichedArticle a, Outcome o, boolean fromFiles) {
      if (sinks == 1) {
        listener.handled(a, o);
        return;
      }
      String key = a.getId() + "@" + a.getVersion();
      if (fromFiles) {
        fileOutcome.put(key, o);
      }
      if (seen.merge(key, 1, Integer::sum) >= sinks) {
        seen.remove(key);
        Outcome first = fileOutcome.remove(key);
        listener.handled(a, first == null ? o : first);
      }
    }
  }

  static java.nio.file.Path latestView(NewsflowConfig config) {
    return config.outDir().resolve(JsonlWriter.FILE);
  }

  private void add(SinkRunner runner, String description) {
    add(runner, runner, description);
  }

  private void add(Runnable runner, AutoCloseable closer, String description) {
    runners.add(closer);
    descriptions.add(description);
    String name = "newsflow-sink-" + threads.size();
    threads.add(
        new Thread(
            () -> {
              try {
                runner.run();
              } catch (RuntimeException e) {
                failure = name + ": " + e.getMessage();
              }
            },
            name));
  }

  /** Where the output goes, one line per sink, for the progress log. */
  List<String> descriptions() {
    return List.copyOf(descriptions);
  }

  /**
   * Whether every article sink has joined its consumer group and knows its partitions (the story
   * sink follows news.stories and does not decide when the articles are done).
   */
  boolean joined() {
    return runners.stream()
        .filter(SinkRunner.class::isInstance)
        .map(SinkRunner.class::cast)
        .allMatch(SinkRunner::joined);
  }

  void start() {
    threads.forEach(Thread::start);
  }

  /** Why a sink stopped, or null while all run. */
  String failure() {
    if (failure != null) {
      return "sink stopped: " + failure;
    }
    for (Thread t : threads) {
      if (t.getState() == Thread.State.TERMINATED) {
        return "sink stopped (" + t.getName() + ")";
      }
    }
    return null;
  }

  /** Stops every sink after its current batch; each commits what it holds before returning. */
  @Override
  public void close() throws InterruptedException {
    for (AutoCloseable r : runners) {
      try {
        r.close();
      } catch (Exception e) {
        failure = "closing a sink failed: " + e.getMessage();
      }
    }
    for (Thread t : threads) {
      t.join(30_000);
    }
  }
}
