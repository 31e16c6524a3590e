package io.newsflow.enrich.topology;

import io.newsflow.enrich.story.StorySettings;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.schemas.EnrichedArticle;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Bench only (StoryBench {@code --store}): the production {@link StoryStep} over {@code
 * story-window} built as {@link EnrichTopology} builds it (a {@link ReadOnceStore}, cached,
 * changelogged), in a {@link TopologyTestDriver} on the calling thread. With the system property
 * {@code newsflow.bench.store=rocksdb} the store is the persistent RocksDB one the topology used
 * before session 9 (cached, changelogged), to compare the two in one session. It lives in the
 * step's package because the step is package-private.
 *
 * <p>The driver commits after every record, so the record cache is flushed to the store and the
 * changelog after every article; the topology commits every 1,000 ms, where a term or story changed
 * by several articles between two commits is written once. The store's cost measured here is
 * therefore an upper bound of what the topology pays.
 */
public final class StoryStepHarness implements AutoCloseable {
  private static final String APP = "story-bench";
  private static final String IN = "story-bench-in";

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, EnrichedArticle> in;
  private final TestOutputTopic<byte[], byte[]> changelog;

  /** Thread CPU and wall time of the step's start on the pre-filled store (its restore). */
  public static long restoreCpuNanos;

  public static long restoreWallNanos;

  /** Changelog records and bytes (key + value) seen by {@link #drainChangelog} so far. */
  public long changelogRecords;

  public long changelogBytes;

  /**
   * A step whose store holds {@code initial} (key → value, as the step writes them) when it starts:
   * the entries are written through the store at the first record, then the step starts and reads
   * them back as after a restart.
   */
  public StoryStepHarness(
      StorySettings settings, Tagger tagger, Map<String, byte[]> initial, Path stateDir) {
    Topology t = new Topology();
    t.addSource("in", Serdes.String().deserializer(), HandOff.OUT, IN);
    t.addProcessor("assign-story", () -> new StartLater(settings, tagger, initial), "in");
    t.addStateStore(
        "rocksdb".equals(System.getProperty("newsflow.bench.store"))
            ? Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoryStep.STORE),
                    Serdes.String(),
                    Serdes.ByteArray())
                .withCachingEnabled()
            : EnrichTopology.storyStore(),
        "assign-story");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(t, p);
    in = driver.createInputTopic(IN, Serdes.String().serializer(), HandOff.IN);
    changelog =
        driver.createOutputTopic(
            APP + "-" + StoryStep.STORE + "-changelog",
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
  }

  /** One article through the step, its store writes and the commit after it. */
  public void process(EnrichedArticle a) {
    in.pipeInput(a.getId(), a);
  }

  /** Reads away what the changelog received (the driver keeps it in memory), counting it. */
  public void drainChangelog() {
    try {
      for (TestRecord<byte[], byte[]> r : changelog.readRecordsToList()) {
        changelogRecords++;
        changelogBytes +=
            (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
      }
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      // nothing written to the changelog yet
    }
  }

  @Override
  public void close() {
    driver.close();
  }

  /** Writes the initial entries, then starts the real step on the store, at the first record. */
  private static final class StartLater
      implements Processor<String, EnrichedArticle, String, StoryStep.Out> {
    private final StorySettings settings;
    private final Tagger tagger;
    private Map<String, byte[]> initial;
    private ProcessorContext<String, StoryStep.Out> context;
    private StoryStep step;

    StartLater(StorySettings settings, Tagger tagger, Map<String, byte[]> initial) {
      this.settings = settings;
      this.tagger = tagger;
      this.initial = initial;
    }

    @Override
    public void init(ProcessorContext<String, StoryStep.Out> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
      if (step == null) {
        KeyValueStore<String, byte[]> store = context.getStateStore(StoryStep.STORE);
        initial.forEach(store::put);
        initial = null;
        var mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        step = new StoryStep(settings, tagger);
        step.init(context);
        restoreCpuNanos = mx.getCurrentThreadCpuTime() - c0;
        restoreWallNanos = System.nanoTime() - w0;
      }
      step.process(record);
    }
  }

  /** Hands the record object through the input topic unchanged (one thread, synchronous). */
  private static final class HandOff {
    private static EnrichedArticle last;
    static final Serializer<EnrichedArticle> IN =
        (topic, a) -> {
          last = a;
          return new byte[0];
        };
    static final Deserializer<EnrichedArticle> OUT = (topic, bytes) -> last;
  }
}
