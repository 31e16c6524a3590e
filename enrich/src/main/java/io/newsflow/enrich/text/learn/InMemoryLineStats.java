package io.newsflow.enrich.text.learn;

import java.util.HashMap;
import java.util.Map;

/** {@link LineStats} in a map, for tests and single-process use. Not thread-safe. */
public final class InMemoryLineStats implements LineStats {
  private final Map<String, byte[]> store = new HashMap<>();

  @Override
  public LineSketch load(String outlet) {
    byte[] b = store.get(outlet);
    return b == null ? null : LineSketch.fromBytes(b);
  }

  @Override
  public void save(String outlet, LineSketch sketch) {
    store.put(outlet, sketch.toBytes());
  }

  /** Bytes held for one outlet (0 when unknown). */
  public int bytes(String outlet) {
    byte[] b = store.get(outlet);
    return b == null ? 0 : b.length;
  }
}
