package io.newsflow.cli.dashboard;

import io.newsflow.cli.health.ExtractionHealth;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Topics;
import java.nio.ByteBuffer;
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
 * Follows news.raw, news.enriched, news.pages and news.dlq with a consumer of its own (no group,
 * nothing committed, committed transactions only) into a {@link DashboardState}, starting a little
 * before their ends so the latest history shows at once, and feeds the outlets' extraction-health
 * figures.
 *
 * <p>With {@code healthOnly} (no page served) it does only what the health figures need: it reads
 * news.enriched, news.pages and news.dlq, not news.raw (the bulk of the data; a dead letter's
 * outlet is read from its original record), decodes of an article only what the figures use, and
 * keeps no articles, counts or offsets for the views.
 */
final class TopicWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicWatcher.class);
  private static final int OUTLET_MEMORY = 20_000;

  /** How long the broker holds the watcher's fetch while less than fetch.min.bytes is there. */
  static final int FETCH_MAX_WAIT_MS = 100;

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
  private final boolean healthOnly;
  private final boolean judge;
  private final WatchedValues values;
  private long records;
  private final long startedAt = System.currentTimeMillis();
  private volatile boolean stopping;
  private Map<TopicPartition, Long> startEnds;

  /** The dashboard's and the process's CPU seconds when the history read back at start was in. */
  private volatile double[] cpuAtHistoryRead;

  private volatile CountDownLatch caughtUp;

  /** Reads everything the dashboard shows and judges the outlets' extraction health. */
  TopicWatcher(
      Map<String, Object> clientProps,
      DashboardState state,
      int history,
      Consumer<ExtractionHealth.Alert> onAlert) {
    this(clientProps, state, history, onAlert, false, true);
  }

  /**
   * @param history how many of each topic's latest records to read back at start
   * @param healthOnly read only what the extraction-health figures need, feed no views
   * @param judge keep the extraction-health figures and raise alerts
   */
  TopicWatcher(
      Map<String, Object> clientProps,
      DashboardState state,
      int history,
      Consumer<ExtractionHealth.Alert> onAlert,
      boolean healthOnly,
      boolean judge) {
    if (healthOnly && !judge) {
      throw new IllegalArgumentException(
          "a watcher that neither feeds views nor judges has no use");
    }
    this.onAlert = onAlert;
    this.healthOnly = healthOnly;
    this.judge = judge;
    Map<String, Object> p = new HashMap<>(clientProps);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-dashboard");
    // a view refreshed every 2 s needs no record at once: fetch in batches, not once per record
    // the pipeline writes. The wait is short because a command that ends waits for the watcher
    // to read the last records (awaitCaughtUp): with 500 ms, a replay's last articles waited for
    // the watcher's pending fetch, 0.5-0.8 s of a seed replay (docs/performance.md).
    p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024);
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
    this.values = new WatchedValues(healthOnly);
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), values);
    this.state = state;
    this.history = history;
    this.thread = new Thread(this::loop, "newsflow-dashboard-watcher");
    thread.setDaemon(true);
  }

  void start() {
    List<TopicPartition> parts = new ArrayList<>();
    List<String> topics =
        healthOnly
            ? List.of(Topics.ENRICHED.name(), Topics.DLQ.name(), Topics.PAGES.name())
            : List.of(
                Topics.RAW.name(), Topics.ENRICHED.name(), Topics.DLQ.name(), Topics.PAGES.name());
    for (String t : topics) {
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
      if (!healthOnly) {
        seen.start(tp, from);
      }
    }
    thread.start();
  }

  private void loop() {
    try {
      while (!stopping) {
        try {
          readOnce();
        } catch (WakeupException e) {
          if (stopping) {
            throw e;
          }
          // awaitCaughtUp woke the poll: look at the ends now rather than after the poll's wait
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

  /** One poll: handles its records, notes the positions, answers a catch-up request. */
  private void readOnce() {
    // while a caller waits for the catch-up, a poll that finds nothing new must not hold the
    // check at the ends for long
    Duration wait = Duration.ofMillis(caughtUp == null ? 500 : FETCH_MAX_WAIT_MS);
    ConsumerRecords<String, Object> batch = consumer.poll(wait);
    records += batch.count();
    for (TopicPartition tp : batch.partitions()) {
      for (ConsumerRecord<String, Object> r : batch.records(tp)) {
        if (healthOnly) {
          judgeOnly(r);
        } else {
          seen.seen(tp, r.offset());
          handle(r);
        }
      }
    }
    for (TopicPartition tp : consumer.assignment()) {
      long position = consumer.position(tp);
      if (!healthOnly) {
        seen.position(tp, position);
      }
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

  /** A record for the health figures alone. */
  private void judgeOnly(ConsumerRecord<String, Object> r) {
    Object v = r.value();
    if (v instanceof WatchedValues.HealthHead h) {
      ExtractionHealth.Sample s = sample(h);
      check(
          r,
          h.outlet() == null ? DashboardState.UNKNOWN_OUTLET : h.outlet(),
          r.topic().equals(Topics.PAGES.name()) ? s.notNewsPage() : s);
    } else if (v instanceof DeadLetter d) {
      String outlet = outletOf(d);
      if (outlet != null) {
        check(r, outlet, ExtractionHealth.Sample.deadLettered());
      }
    }
  }

  /** The outlet of a dead letter's article, from the raw article it failed on when it has one. */
  private String outletOf(DeadLetter d) {
    String outlet = d.getArticleId() == null ? null : outletById.get(d.getArticleId());
    if (outlet == null && Topics.RAW.name().equals(d.getTopic())) {
      outlet = values.outletOfRaw(d.getValue());
    }
    return outlet;
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
      String outlet = outletOf(d);
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

  /** How many records it has read. */
  long records() {
    return records;
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
    consumer.wakeup();
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

  /** What extraction yielded for an article, from its {@link WatchedValues.HealthHead}. */
  static ExtractionHealth.Sample sample(WatchedValues.HealthHead h) {
    ByteBuffer text = h.text();
    return ExtractionHealth.Sample.of(
        chars(text), paragraphs(text), h.removed(), h.missingTitle(), h.missingDate());
  }

  /**
   * How many characters a UTF-8 text has, counted from its bytes without decoding it: the bytes
   * that start a character. A character outside the Basic Multilingual Plane counts once here and
   * twice in {@link String#length()}; the figures compare an outlet with itself, so either does.
   */
  static int chars(ByteBuffer utf8) {
    int n = 0;
    for (int i = utf8.position(); i < utf8.limit(); i++) {
      if ((utf8.get(i) & 0xC0) != 0x80) {
        n++;
      }
    }
    return n;
  }

  /**
   * {@link #paragraphs(String)} of a UTF-8 text, from its bytes. A text of nothing but whitespace
   * has none; only ASCII whitespace counts as such here.
   */
  static int paragraphs(ByteBuffer utf8) {
    int from = utf8.position();
    int to = utf8.limit();
    boolean blank = true;
    for (int i = from; i < to && blank; i++) {
      byte b = utf8.get(i);
      blank = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
    }
    if (blank) {
      return 0;
    }
    int pieces = 0;
    int lastNonEmpty = 0;
    int start = from;
    for (int i = from; i + 1 < to; i++) {
      if (utf8.get(i) == '\n' && utf8.get(i + 1) == '\n') {
        pieces++;
        if (i > start) {
          lastNonEmpty = pieces;
        }
        start = i + 2;
        i++;
      }
    }
    pieces++;
    if (to > start) {
      lastNonEmpty = pieces;
    }
    return lastNonEmpty;
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
    if (!judge) {
      return;
    }
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
