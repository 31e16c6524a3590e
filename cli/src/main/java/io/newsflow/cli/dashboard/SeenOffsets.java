package io.newsflow.cli.dashboard;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets of the records (not the transaction markers) the dashboard's reader has seen, per
 * partition: the latest {@value #KEPT} of each, and how far the reader has got. With them, a
 * group's lag is counted in records. Offsets alone count a commit or abort marker as one more
 * record per transaction, so a group that has read everything of a topic written with exactly-once
 * would show a lag of 1 or 2 for ever. Thread-safe: the reader writes, the lag probe reads.
 */
final class SeenOffsets {
  static final int KEPT = 8192;

  private static final class Part {
    final long[] ring = new long[KEPT];
    int head; // index of the oldest kept offset
    int size;

    /** The offset from which every record is in the ring (older ones have left it). */
    long coveredFrom;

    /** The reader's next offset: everything before it has been read. */
    long position;

    long at(int i) {
      return ring[(head + i) % KEPT];
    }

    /** How many kept offsets are at or after {@code offset}. */
    int countFrom(long offset) {
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (at(mid) < offset) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return size - lo;
    }
  }

  private final Map<TopicPartition, Part> parts = new HashMap<>();

  /** The reader starts reading {@code tp} at {@code offset}. */
  synchronized void start(TopicPartition tp, long offset) {
    Part p = new Part();
    p.coveredFrom = offset;
    p.position = offset;
    parts.put(tp, p);
  }

  /** The reader returned a record at {@code offset}. */
  synchronized void seen(TopicPartition tp, long offset) {
    Part p = parts.get(tp);
    if (p == null) {
      return;
    }
    if (p.size > 0 && offset <= p.at(p.size - 1)) {
      // the reader went back (its position was reset): start again from here
      p.size = 0;
      p.head = 0;
      p.coveredFrom = offset;
    }
    if (p.size == KEPT) {
      p.coveredFrom = p.ring[p.head] + 1;
      p.head = (p.head + 1) % KEPT;
      p.size--;
    }
    p.ring[(p.head + p.size) % KEPT] = offset;
    p.size++;
  }

  /** The reader's position in {@code tp} after its latest poll. */
  synchronized void position(TopicPartition tp, long position) {
    Part p = parts.get(tp);
    if (p != null) {
      p.position = position;
    }
  }

  /**
   * How many records lie in {@code [from, end)} of {@code tp}. Where the reader has been, markers
   * are not counted; offsets it has not reached, or no longer keeps, count as records.
   */
  synchronized long records(TopicPartition tp, long from, long end) {
    if (end <= from) {
      return 0;
    }
    Part p = parts.get(tp);
    if (p == null) {
      return end - from;
    }
    long known = Math.max(from, Math.min(end, p.position));
    long n = end - known; // not read yet
    long lo = from;
    if (lo < p.coveredFrom) {
      long upTo = Math.min(known, p.coveredFrom);
      n += upTo - lo; // read before the ring's reach: offsets are all there is to go by
      lo = upTo;
    }
    if (lo < known) {
      n += p.countFrom(lo) - p.countFrom(known);
    }
    return n;
  }
}
