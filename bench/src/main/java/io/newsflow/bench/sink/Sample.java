package io.newsflow.bench.sink;

/**
 * One article's trip: sent to the first topic, visible on {@code news.enriched} (-1 when the probe
 * missed it), committed by the sink; {@link System#nanoTime()} readings.
 */
record Sample(int seq, long sentNanos, long enrichedNanos, long sunkNanos) {
  long totalNanos() {
    return sunkNanos - sentNanos;
  }

  boolean split() {
    return enrichedNanos >= 0;
  }

  long enrichNanos() {
    return enrichedNanos - sentNanos;
  }

  long sinkNanos() {
    return sunkNanos - enrichedNanos;
  }
}
