package io.newsflow.cli.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts of events in fixed time buckets over a sliding window, by the events' own timestamps (so
 * history read back from a topic lands where it happened). A ring of counters: adding an event is
 * an index and an increment, with no allocation, as it happens for every record. Not thread-safe.
 */
final class RateSeries {
  private final long bucketMs;
  private final int buckets;

  /** The bucket number each slot holds now (epoch ms / bucketMs), or -1 for none yet. */
  private final long[] slotBucket;

  private final long[] slotCount;

  RateSeries(Duration bucket, int buckets) {
    this.bucketMs = bucket.toMillis();
    this.buckets = buckets;
    this.slotBucket = new long[buckets + 1];
    this.slotCount = new long[buckets + 1];
    java.util.Arrays.fill(slotBucket, -1);
  }

  void add(Instant at) {
    long b = at.toEpochMilli() / bucketMs;
    int slot = (int) Math.floorMod(b, (long) slotBucket.length);
    if (slotBucket[slot] == b) {
      slotCount[slot]++;
    } else if (slotBucket[slot] < b) {
      slotBucket[slot] = b; // the slot's older bucket has left the window
      slotCount[slot] = 1;
    }
    // else: older than anything the ring still holds, so outside any window drawn from now on
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
    for (int i = 0; i < buckets; i++) {
      long b = last - buckets + 1 + i;
      int slot = (int) Math.floorMod(b, (long) slotBucket.length);
      if (slotBucket[slot] == b) {
        v[i] = slotCount[slot] * 1000.0 / bucketMs;
      }
    }
    return v;
  }
}
