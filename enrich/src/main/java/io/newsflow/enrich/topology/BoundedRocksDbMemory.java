package io.newsflow.enrich.topology;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every RocksDB store of the process by one budget.
 *
 * <p>By default Kafka Streams gives each store instance its own 50 MB block cache and up to three
 * 16 MB memtables, and a store's index and filter blocks live outside any cache: with a store per
 * partition that is hundreds of megabytes of native memory a process can grow into as a long stream
 * fills them, outside the JVM's heap bound (over a 100,000-article replay the memory the JVM does
 * not track grew 93 MB with Streams' defaults and 57 MB with this budget, docs/performance.md).
 * Here all stores share one LRU cache of {@value #DEFAULT_MEMORY_BYTES} bytes by default, their
 * memtables are charged to that same cache through a {@link WriteBufferManager}, and index and
 * filter blocks are cached there too, so the whole of RocksDB's memory stays within the budget
 * however long the process runs.
 *
 * <p>The budget is the Streams config {@value #MEMORY_BYTES_CONFIG} (passed through newsflow as
 * {@code kafka.newsflow.rocksdb.memory.bytes}). The cache is created by the first store that opens
 * and shared by every store, and every Streams instance, of the JVM: its size is fixed then.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Streams config key of the budget, in bytes. */
  public static final String MEMORY_BYTES_CONFIG = "newsflow.rocksdb.memory.bytes";

  /** Default budget for all stores together: 32 MiB. */
  public static final long DEFAULT_MEMORY_BYTES = 32L * 1024 * 1024;

  /** Share of the budget memtables may take before RocksDB flushes them. */
  static final double MEMTABLE_SHARE = 0.5;

  /** Share of the cache kept for index and filter blocks (high priority). */
  private static final double INDEX_FILTER_SHARE = 0.1;

  /** Memtable size of one store; the write buffer manager caps their sum. */
  private static final long MEMTABLE_BYTES = 4L * 1024 * 1024;

  private static final Map<Long, Shared> SHARED = new HashMap<>();

  private record Shared(Cache cache, WriteBufferManager writeBuffers) {}

  /** The cache and write buffer manager of a budget, created on first use and never closed. */
  private static synchronized Shared shared(long budget) {
    return SHARED.computeIfAbsent(
        budget,
        b -> {
          Cache cache = new LRUCache(b, -1, false, INDEX_FILTER_SHARE);
          return new Shared(cache, new WriteBufferManager((long) (b * MEMTABLE_SHARE), cache));
        });
  }

  /** Reads the budget from a Streams config map: a number of bytes, at least 1 MiB. */
  static long budget(Map<String, Object> configs) {
    Object v = configs.get(MEMORY_BYTES_CONFIG);
    if (v == null) {
      return DEFAULT_MEMORY_BYTES;
    }
    long bytes;
    try {
      bytes = v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          MEMORY_BYTES_CONFIG + " must be a number of bytes, got '" + v + "'", e);
    }
    if (bytes < 1024 * 1024) {
      throw new IllegalArgumentException(
          MEMORY_BYTES_CONFIG + " must be at least 1048576 (1 MiB), got " + bytes);
    }
    return bytes;
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Shared s = shared(budget(configs));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(s.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(s.writeBuffers());
    options.setWriteBufferSize(MEMTABLE_BYTES);
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and the write buffer manager are shared by every store of the process: not closed
  }
}
