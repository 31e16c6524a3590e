package io.newsflow.enrich.text.learn;

/**
 * Where {@link OutletLineLearner} keeps each outlet's line statistics: one {@link LineSketch} per
 * outlet, read before and written after every article. Designed to be backed by a Kafka Streams
 * {@code KeyValueStore<String, byte[]>} (key: outlet, value: {@link LineSketch#toBytes()}), which a
 * changelog makes survive restarts. Implementations need not be thread-safe: a stream task calls
 * them from one thread.
 */
public interface LineStats {
  /** The outlet's sketch, or null when the outlet has not been seen. */
  LineSketch load(String outlet);

  /** Stores the outlet's updated sketch. */
  void save(String outlet, LineSketch sketch);
}
