package io.newsflow.enrich.topology;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes records through unchanged, and asks Streams to commit its task once the input has gone
 * quiet.
 *
 * <p>Under exactly-once, output becomes visible to read-committed consumers only when its
 * transaction commits, and Streams commits every {@code commit.interval.ms} (a second here, so that
 * a busy stream does not spend its time waiting on commits). Each of the topology's three
 * sub-topologies adds up to one interval, so the last articles of a burst (a replay's tail, the new
 * items of a feed poll) waited up to three seconds for nothing. This step, at the head of each
 * sub-topology, requests a commit once its stream thread has taken no record, in any of its tasks,
 * for {@link #QUIET_MS_CONFIG} (default {@value #DEFAULT_QUIET_MS} ms): a busy thread still commits
 * on the interval, a quiet one straight away. Quiet is judged per thread, not per task, because a
 * busy thread leaves each of its tasks waiting while it works on the others (a task quiet for a
 * tenth of a second is not a quiet thread), and because under exactly-once a thread commits all of
 * its tasks in one transaction anyway. A negative or zero setting turns it off.
 */
final class CommitWhenQuiet<V> implements FixedKeyProcessor<String, V, V> {
  /** Streams config key (passed as {@code kafka.newsflow.commit.quiet.ms} through newsflow). */
  static final String QUIET_MS_CONFIG = "newsflow.commit.quiet.ms";

  static final long DEFAULT_QUIET_MS = 100;

  /** When the stream thread running this step last took a record, in any of its tasks. */
  private static final ThreadLocal<long[]> THREAD_LAST_RECORD_MS =
      ThreadLocal.withInitial(() -> new long[1]);

  private FixedKeyProcessorContext<String, V> context;
  private long quietMs;
  private boolean uncommitted;

  @Override
  public void init(FixedKeyProcessorContext<String, V> context) {
    this.context = context;
    this.quietMs = quietMs(context.appConfigs());
    if (quietMs > 0) {
      context.schedule(
          Duration.ofMillis(Math.max(1, quietMs / 2)),
          PunctuationType.WALL_CLOCK_TIME,
          this::maybeCommit);
    }
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    uncommitted = true;
    THREAD_LAST_RECORD_MS.get()[0] = context.currentSystemTimeMs();
    context.forward(record);
  }

  private void maybeCommit(long now) {
    // punctuators run on the task's stream thread, so this reads that thread's last record
    if (uncommitted && now - THREAD_LAST_RECORD_MS.get()[0] >= quietMs) {
      uncommitted = false;
      context.commit();
    }
  }

  static long quietMs(Map<String, Object> appConfigs) {
    Object v = appConfigs.get(QUIET_MS_CONFIG);
    if (v == null) {
      return DEFAULT_QUIET_MS;
    }
    try {
      return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          QUIET_MS_CONFIG + " must be a number of milliseconds, not '" + v + "'", e);
    }
  }
}
