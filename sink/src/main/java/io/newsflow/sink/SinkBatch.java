package io.newsflow.sink;

import io.newsflow.schemas.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * One polled batch for a {@link RecordSink}: the decoded articles in offset order, and the range of
 * offsets the batch covers per partition. The ranges include records that could not be decoded
 * (they went to the dead-letter topic), so a sink that stores positions never reads them again.
 *
 * @param articles decoded articles, in the order they were consumed
 * @param removed ids whose last record in this batch is a tombstone (the article was taken down);
 *     sinks apply them after {@code articles}
 * @param firstOffsets per partition, the offset of the first record in this batch
 * @param nextOffsets per partition, the offset to read next after this batch (last offset + 1)
 * @param removedAt per id of {@code removed}, the timestamp of its tombstone record; an id is
 *     absent when the caller did not know it (tests, benchmarks)
 */
public record SinkBatch(
    List<EnrichedArticle> articles,
    List<String> removed,
    Map<TopicPartition, Long> firstOffsets,
    Map<TopicPartition, Long> nextOffsets,
    Map<String, Instant> removedAt) {
  public SinkBatch {
    articles = List.copyOf(Objects.requireNonNull(articles, "articles"));
    removed = List.copyOf(Objects.requireNonNull(removed, "removed"));
    firstOffsets = Map.copyOf(Objects.requireNonNull(firstOffsets, "firstOffsets"));
    nextOffsets = Map.copyOf(Objects.requireNonNull(nextOffsets, "nextOffsets"));
    removedAt = Map.copyOf(Objects.requireNonNull(removedAt, "removedAt"));
    if (!firstOffsets.keySet().equals(nextOffsets.keySet())) {
      throw new IllegalArgumentException("first and next offsets must name the same partitions");
    }
  }

  /** A batch whose tombstones' timestamps are not known. */
  public SinkBatch(
      List<EnrichedArticle> articles,
      List<String> removed,
      Map<TopicPartition, Long> firstOffsets,
      Map<TopicPartition, Long> nextOffsets) {
    this(articles, removed, firstOffsets, nextOffsets, Map.of());
  }

  /** A batch without removals. */
  public SinkBatch(
      List<EnrichedArticle> articles,
      Map<TopicPartition, Long> firstOffsets,
      Map<TopicPartition, Long> nextOffsets) {
    this(articles, List.of(), firstOffsets, nextOffsets);
  }

  /** A batch with no Kafka coordinates (benchmarks, tests of a writer alone). */
  public static SinkBatch of(List<EnrichedArticle> articles) {
    return new SinkBatch(articles, Map.of(), Map.of());
  }
}
