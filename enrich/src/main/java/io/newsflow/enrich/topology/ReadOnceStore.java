package io.newsflow.enrich.topology;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store for a processor that keeps its state in the heap itself and only needs the
 * store to write its changes down and to read them back once, when its task starts: the story
 * window. The entries are rebuilt from the changelog on every start and held until the processor
 * has read them ({@link #release(StateStore)}); from then on the store holds nothing, and the
 * logging layer Streams puts above it still writes every change to the changelog.
 *
 * <p>Why not RocksDB: under exactly-once, a persistent store left behind by a killed process may
 * hold writes of a transaction that never committed, so Streams declares its task corrupted, wipes
 * the store and rebuilds it from the changelog (TaskCorruptedException) on the next start; and it
 * would keep a second copy of the window on disk and in native memory. Why not Streams' in-memory
 * store: it would keep a second, serialized copy of the window in the heap for as long as the task
 * runs. Like any in-memory store, this one is restored from the changelog's start each time its
 * task starts (the changelog is compacted: about one record per open story and term-table part).
 */
final class ReadOnceStore implements KeyValueStore<Bytes, byte[]> {
  private final String name;
  // the input offsets whose writes this store has seen, which the logging layer sends along
  private final Position position = Position.emptyPosition();
  private StateStoreContext context;
  private NavigableMap<Bytes, byte[]> entries = new TreeMap<>();
  private boolean released;
  private volatile boolean open;

  private ReadOnceStore(String name) {
    this.name = name;
  }

  /** Supplies a store of this kind, for {@code Stores.keyValueStoreBuilder}. */
  static KeyValueBytesStoreSupplier supplier(String name) {
    return new KeyValueBytesStoreSupplier() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public KeyValueStore<Bytes, byte[]> get() {
        return new ReadOnceStore(name);
      }

      @Override
      public String metricsScope() {
        return "read-once";
      }
    };
  }

  /**
   * Tells the store under {@code store} (as a processor gets it, inside Streams' layers) that its
   * processor has read what it needed: its entries are dropped, and later writes reach only the
   * changelog. Returns whether such a store was found; any other store is left as it is.
   */
  static boolean release(StateStore store) {
    StateStore s = store;
    while (s instanceof WrappedStateStore<?, ?, ?> wrapped) {
      s = wrapped.wrapped();
    }
    if (s instanceof ReadOnceStore own) {
      own.release();
      return true;
    }
    return false;
  }

  private synchronized void release() {
    released = true;
    entries = new TreeMap<>();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    this.context = context;
    // each changelog record in order, the last one per key wins; a tombstone removes the key
    context.register(root, (key, value) -> write(Bytes.wrap(key), value));
    open = true;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public synchronized void close() {
    open = false;
    entries = new TreeMap<>();
  }

  private synchronized byte[] write(Bytes key, byte[] value) {
    if (released) {
      return null;
    }
    return value == null ? entries.remove(key) : entries.put(key, value);
  }

  @Override
  public Position getPosition() {
    return position;
  }

  /** A write by the processor (not by the restore): the position moves to its input record. */
  private byte[] processed(Bytes key, byte[] value) {
    context
        .recordMetadata()
        .ifPresent(m -> position.withComponent(m.topic(), m.partition(), m.offset()));
    return write(key, value);
  }

  @Override
  public void put(Bytes key, byte[] value) {
    processed(key, value);
  }

  @Override
  public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
    byte[] old = entries.get(key);
    if (old == null) {
      processed(key, value);
    }
    return old;
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> all) {
    all.forEach(kv -> processed(kv.key, kv.value));
  }

  @Override
  public byte[] delete(Bytes key) {
    return processed(key, null);
  }

  @Override
  public synchronized byte[] get(Bytes key) {
    return entries.get(key);
  }

  @Override
  public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    if (from != null && to != null && from.compareTo(to) > 0) {
      return iterator(Map.<Bytes, byte[]>of().entrySet());
    }
    NavigableMap<Bytes, byte[]> part = entries;
    if (from != null) {
      part = part.tailMap(from, true);
    }
    if (to != null) {
      part = part.headMap(to, true);
    }
    return iterator(part.entrySet());
  }

  @Override
  public synchronized KeyValueIterator<Bytes, byte[]> all() {
    return iterator(entries.entrySet());
  }

  @Override
  public synchronized long approximateNumEntries() {
    return entries.size();
  }

  /** Iterates over a copy, in key order, so that writes meanwhile do not disturb it. */
  private static KeyValueIterator<Bytes, byte[]> iterator(
      Iterable<Map.Entry<Bytes, byte[]>> entries) {
    List<KeyValue<Bytes, byte[]>> copy = new ArrayList<>();
    entries.forEach(e -> copy.add(KeyValue.pair(e.getKey(), e.getValue())));
    Iterator<KeyValue<Bytes, byte[]>> it = copy.iterator();
    return new KeyValueIterator<>() {
      private KeyValue<Bytes, byte[]> next = it.hasNext() ? it.next() : null;

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public KeyValue<Bytes, byte[]> next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        KeyValue<Bytes, byte[]> current = next;
        next = it.hasNext() ? it.next() : null;
        return current;
      }

      @Override
      public Bytes peekNextKey() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        return next.key;
      }

      @Override
      public void close() {}
    };
  }
}
