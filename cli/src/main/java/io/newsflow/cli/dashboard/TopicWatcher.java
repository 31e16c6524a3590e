package io.newsflow.cli.dashboard;

import io.newsflow.cli.health.ExtractionHealth;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows news.raw, news.enriched and news.dlq with a consumer of its own (no group, nothing
 * committed, committed transactions only) into a {@link DashboardState}, starting a little before
 * their ends so the latest history shows at once.
 */
final class TopicWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicWatcher.class);
  private static final int OUTLET_MEMORY = 20_000;

  private final KafkaConsumer<String, Object> consumer;
  private final DashboardState state;
  private final int history;
  private final Thread thread;
  private final Map<String, String> outletById =
      new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> e) {
          return size() > OUTLET_MEMORY;
        }
      };
  private final SeenOffsets seen = new SeenOffsets();
  private final ExtractionHealth health =
      new ExtractionHealth(ExtractionHealth.Settings.defaults());
  private final Consumer<ExtractionHealth.Alert> onAlert;
  private final long startedAt = System.currentTimeMillis();
  private volatile boolean stopping;
  private Map<TopicPartition, Long> startEnds;

  /** The dashboard's and the process's CPU seconds when the history read back at start was in. */
  private volatile double[] cpuAtHistoryRead;

  private volatile CountDownLatch caughtUp;

  /**
   * @param history how many of each topic's latest records to read back at start
   */
  TopicWatcher(
      Map<String, Object> clientProps,
      DashboardState state,
      int history,
      Consumer<ExtractionHealth.Alert> onAlert) {
    this.onAlert = onAlert;
    Map<String, Object> p = new HashMap<>(clientProps);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-dashboard");
    // a view refreshed every 2 s needs no record sooner than half a second: fetch in batches, not
    // once per record the pipeline writes
    p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024);
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new WatchedValues());
    this.state = state;
    this.history = history;
    this.thread = new Thread(this::loop, "newsflow-dashboard-watcher");
    thread.setDaemon(true);
  }

  void start() {
    List<TopicPartition> parts = new ArrayList<>();
    for (String t :
        List.of(
            Topics.RAW.name(), Topics.ENRICHED.name(), Topics.DLQ.name(), Topics.PAGES.name())) {
      List<PartitionInfo> infos = consumer.partitionsFor(t, Duration.ofSeconds(30));
      if (infos != null) {
        infos.forEach(i -> parts.add(new TopicPartition(t, i.partition())));
      }
    }
    consumer.assign(parts);
    Map<TopicPartition, Long> ends = consumer.endOffsets(parts, Duration.ofSeconds(30));
    startEnds = new HashMap<>(ends);
    Map<TopicPartition, Long> begins = consumer.beginningOffsets(parts, Duration.ofSeconds(30));
    long perPartition = Math.max(1, history / Math.max(1, parts.size() / 4));
    for (TopicPartition tp : parts) {
      long from = Math.max(begins.get(tp), ends.get(tp) - perPartition);
      consumer.seek(tp, from);
      seen.start(tp, from);
    }
    thread.start();
  }

  private void loop() {
    try {
      while (!stopping) {
        ConsumerRecords<String, Object> batch = consumer.poll(Duration.ofMillis(500));
        for (TopicPartition tp : batch.partitions()) {
          for (ConsumerRecord<String, Object> r : batch.records(tp)) {
            seen.seen(tp, r.offset());
            handle(r);
          }
        }
        for (TopicPartition tp : consumer.assignment()) {
          long position = consumer.position(tp);
          seen.position(tp, position);
          if (startEnds != null && position >= startEnds.getOrDefault(tp, 0L)) {
            startEnds.remove(tp);
          }
        }
        if (startEnds != null && startEnds.isEmpty()) {
          startEnds = null;
          cpuAtHistoryRead = Dashboard.cpuSeconds();
        }
        CountDownLatch waiting = caughtUp;
        if (waiting != null && atEnd()) {
          caughtUp = null;
          waiting.countDown();
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        LOG.error("the dashboard stopped reading the topics", e);
      }
    } catch (RuntimeException e) {
      LOG.error("the dashboard stopped reading the topics: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void handle(ConsumerRecord<String, Object> r) {
    Object v = r.value();
    if (v == null) {
      return; // a tombstone
    }
    Instant at = Instant.ofEpochMilli(r.timestamp());
    if (v == WatchedValues.UNREADABLE) {
      // a record that is not newsflow's: counted as arrived, nothing more to show
      state.counted(r.topic().equals(Topics.DLQ.name()) ? "dead letters" : "ingest", null, at);
    } else if (v instanceof WatchedValues.RawHead raw) {
      if (raw.outlet() != null) {
        outletById.put(raw.id(), raw.outlet());
      }
      state.counted("ingest", raw.outlet(), at);
    } else if (v instanceof DeadLetter d) {
      String outlet = d.getArticleId() == null ? null : outletById.get(d.getArticleId());
      state.dead(d, outlet, at);
      if (outlet != null) {
        check(r, outlet, ExtractionHealth.Sample.deadLettered());
      }
    } else if (v instanceof EnrichedArticle a) {
      if (r.topic().equals(Topics.PAGES.name())) {
        // a page its kind kept out of the news topics: a template change can make every page
        // of an outlet look like one, so it counts in the outlet's figures
        check(r, DashboardState.outletOf(a), sample(a).notNewsPage());
      } else {
        state.enriched(a, at);
        check(r, DashboardState.outletOf(a), sample(a));
      }
    }
  }

  /**
   * The dashboard's threads' and the process's CPU seconds at the moment the history read back at
   * start had been read, or null before.
   */
  double[] cpuAtHistoryRead() {
    return cpuAtHistoryRead;
  }

  /** The offsets of the records read, for counting a group's lag in records. */
  SeenOffsets seenOffsets() {
    return seen;
  }

  /**
   * Waits until everything on the topics now has been read (so a late alert is not lost when the
   * command ends), at most {@code timeout}.
   */
  boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    if (!thread.isAlive()) {
      return false;
    }
    CountDownLatch latch = new CountDownLatch(1);
    caughtUp = latch;
    return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private boolean atEnd() {
    Map<TopicPartition, Long> ends =
        consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(5));
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  /** What extraction yielded for an article, for the outlet's health figures. */
  static ExtractionHealth.Sample sample(EnrichedArticle a) {
    String text = a.getText();
    return ExtractionHealth.Sample.of(
        text.length(),
        paragraphs(text),
        a.getRemoved().size(),
        a.getTitle() == null || a.getTitle().isBlank(),
        a.getPublished() == null || a.getPublished().isBlank());
  }

  /**
   * How many paragraphs (blocks between blank-line breaks) the text has, as {@code
   * text.split("\n\n").length} counts them for a non-blank text, without a regular expression or
   * the strings: this runs for every article.
   */
  static int paragraphs(String text) {
    if (text.isBlank()) {
      return 0;
    }
    int pieces = 0;
    int lastNonEmpty = 0;
    int start = 0;
    for (int i = text.indexOf("\n\n"); i >= 0; i = text.indexOf("\n\n", i + 2)) {
      pieces++;
      if (i > start) {
        lastNonEmpty = pieces;
      }
      start = i + 2;
    }
    pieces++;
    if (text.length() > start) {
      lastNonEmpty = pieces;
    }
    return lastNonEmpty; // split drops trailing empty pieces
  }

  /**
   * Feeds the outlet's health figures; history read back at start builds them up silently, records
   * that arrive while we watch can raise an alert.
   */
  private void check(ConsumerRecord<String, Object> r, String outlet, ExtractionHealth.Sample s) {
    health
        .observe(outlet, s)
        .filter(a -> r.timestamp() >= startedAt)
        .ifPresent(
            a -> {
              state.alert(new DashboardState.Alert(a.outlet(), a.message(), Instant.now()));
              if (onAlert != null) {
                onAlert.accept(a);
              }
            });
  }

  @Override
  public void close() throws InterruptedException {
    if (!thread.isAlive() && thread.getState() == Thread.State.NEW) {
      consumer.close(Duration.ofSeconds(5));
      return;
    }
    stopping = true;
    consumer.wakeup();
    thread.join(10_000);
  }
}
