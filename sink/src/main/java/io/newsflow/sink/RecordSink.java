package io.newsflow.sink;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Where {@link SinkRunner} delivers batches. A sink either keeps the consumed positions together
 * with its output (files: in the segment manifest; PostgreSQL: in the same transaction as the
 * rows), and then decides where reading resumes, or leaves positions to the consumer group and
 * relies on being idempotent. Not thread-safe: the runner's thread calls every method.
 */
public interface RecordSink extends AutoCloseable {

  /**
   * Where to resume when partitions are assigned.
   *
   * @return the next offset to read per partition, as stored with the output (partitions absent
   *     from the map are read from the beginning); empty when this sink keeps no positions and the
   *     consumer group's committed offsets apply
   */
  Optional<Map<TopicPartition, Long>> storedPositions() throws IOException;

  /**
   * Takes a batch. What is durable when this returns is told by {@link #durablePositions()}.
   *
   * @return one outcome per article of the batch, in order
   * @throws PositionConflictException when the output already holds some of these offsets (another
   *     instance wrote them): nothing of the batch was applied, and the runner re-reads from {@link
   *     #storedPositions()}
   */
  List<ArticleWriter.Outcome> write(SinkBatch batch) throws IOException;

  /**
   * When this sink last stored a position for {@code partition} with its output. The runner sends a
   * batch's dead letters before handing the batch over, so every dead letter for an offset at or
   * past the stored position was produced after this instant (up to the difference between the
   * clocks involved); the runner uses it to bound its search for dead letters it already sent.
   *
   * @return empty when not known: this sink keeps no positions, or has stored none yet
   */
  default Optional<Instant> committedAt(TopicPartition partition) {
    return Optional.empty();
  }

  /** Per partition, the next offset after everything that is durable in the output now. */
  Map<TopicPartition, Long> durablePositions();

  /**
   * Called on every turn of the consumer loop, also when nothing arrived: time-based work
   * (rolling).
   */
  default void tick(Instant now) throws IOException {}

  /** Makes everything written so far durable (partitions are being revoked, or the sink stops). */
  default void flush() throws IOException {}

  @Override
  void close() throws IOException;
}
