package io.newsflow.cli.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of events in fixed time buckets over a sliding window, by the events' own timestamps (so
 * history read back from a topic lands where it happened). Not thread-safe.
 */
final class RateSeries {
  private final long bucketMs;
  private final int buckets;
  private final TreeMap<Long, Long> counts = new TreeMap<>();

  RateSeries(Duration bucket, int buckets) {
    this.bucketMs = bucket.toMillis();
    this.buckets = buckets;
  }

  void add(Instant at) {
    long b = at.toEpochMilli() / bucketMs;
    counts.merge(b, 1L, Long::sum);
    while (counts.size() > buckets + 1) {
      counts.pollFirstEntry();
    }
  }

  /** Start of each bucket in the window ending now, oldest first, epoch milliseconds. */
  long[] bucketStarts(Instant now) {
    long last = now.toEpochMilli() / bucketMs;
    long[] t = new long[buckets];
    for (int i = 0; i < buckets; i++) {
      t[i] = (last - buckets + 1 + i) * bucketMs;
    }
    return t;
  }

  /** Events per second in each bucket of the window ending now, oldest first. */
  double[] perSecond(Instant now) {
    long last = now.toEpochMilli() / bucketMs;
    double[] v = new double[buckets];
    Map<Long, Long> window = counts.subMap(last - buckets + 1, true, last, true);
    window.forEach((b, n) -> v[(int) (b - (last - buckets + 1))] = n * 1000.0 / bucketMs);
    return v;
  }
}
