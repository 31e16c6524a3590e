package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two RocksDB stores written far past the memory budget: the block cache they report is the one
 * shared budget (Streams' default would be 50 MB each), and their memtables together stay within it
 * (the default lets each grow to 16 MB before a flush).
 */
class BoundedRocksDbMemoryTest {
  static final long BUDGET = 4L * 1024 * 1024;
  static final List<String> STORES = List.of("first-store", "second-store");

  @TempDir Path dir;

  /** Writes every record it gets into both stores. */
  static final class WriteBoth implements Processor<String, byte[], Void, Void> {
    private final List<KeyValueStore<String, byte[]>> stores = new java.util.ArrayList<>();

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      STORES.forEach(s -> stores.add(context.getStateStore(s)));
    }

    @Override
    public void process(Record<String, byte[]> record) {
      stores.forEach(s -> s.put(record.key(), record.value()));
    }
  }

  private TopologyTestDriver driver(boolean bounded) {
    Topology t = new Topology();
    t.addSource("in", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), "in");
    t.addProcessor("write", WriteBoth::new, "in");
    for (String s : STORES) {
      t.addStateStore(
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(s), Serdes.String(), Serdes.ByteArray())
              .withLoggingDisabled(),
          "write");
    }
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "rocksdb-budget-" + bounded);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
    if (bounded) {
      p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
      p.put(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, BUDGET);
    }
    return new TopologyTestDriver(t, p);
  }

  /**
   * Writes 12 MB of incompressible values into each store, then reads a RocksDB gauge per store.
   */
  private static Map<String, Long> fillAndRead(TopologyTestDriver d, String metric) {
    TestInputTopic<String, byte[]> in =
        d.createInputTopic("in", Serdes.String().serializer(), Serdes.ByteArray().serializer());
    Random random = new Random(7);
    for (int i = 0; i < 1500; i++) {
      byte[] value = new byte[8 * 1024];
      random.nextBytes(value);
      in.pipeInput("key-" + i, value);
    }
    Map<String, Long> byStore = new HashMap<>();
    for (Map.Entry<MetricName, ? extends Metric> e : d.metrics().entrySet()) {
      MetricName n = e.getKey();
      String store = n.tags().get("rocksdb-state-id");
      if (n.name().equals(metric) && store != null) {
        byStore.put(store, ((Number) e.getValue().metricValue()).longValue());
      }
    }
    assertThat(byStore).as(metric + " of each store").containsOnlyKeys(STORES);
    return byStore;
  }

  @Test
  void everyStoreSharesOneCacheOfTheBudget() {
    try (TopologyTestDriver d = driver(true)) {
      assertThat(fillAndRead(d, "block-cache-capacity").values()).containsOnly(BUDGET);
    }
  }

  @Test
  void memtablesOfAllStoresStayWithinTheBudget() {
    try (TopologyTestDriver d = driver(true)) {
      long memtables =
          fillAndRead(d, "size-all-mem-tables").values().stream().mapToLong(Long::longValue).sum();
      assertThat(memtables).isPositive().isLessThanOrEqualTo(BUDGET);
    }
  }

  @Test
  void withoutTheBudgetEachStoreHasItsOwnLargeCacheAndMemtables() {
    // what the budget replaces: Streams' defaults grow far past it on the same writes
    try (TopologyTestDriver d = driver(false)) {
      long memtables =
          fillAndRead(d, "size-all-mem-tables").values().stream().mapToLong(Long::longValue).sum();
      assertThat(memtables).isGreaterThan(BUDGET);
    }
  }

  @Test
  void aBudgetThatIsNotANumberOfBytesSaysWhatIsExpected() {
    assertThat(BoundedRocksDbMemory.budget(Map.of()))
        .isEqualTo(BoundedRocksDbMemory.DEFAULT_MEMORY_BYTES);
    assertThat(
            BoundedRocksDbMemory.budget(
                Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "67108864")))
        .isEqualTo(64L * 1024 * 1024);
    assertThatThrownBy(
            () ->
                BoundedRocksDbMemory.budget(
                    Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "64MB")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("number of bytes");
    assertThatThrownBy(
            () ->
                BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 1000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least");
  }
}
