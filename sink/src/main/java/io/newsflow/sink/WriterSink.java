package io.newsflow.sink;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * An {@link ArticleWriter} as a {@link RecordSink}: positions live in the consumer group, committed
 * after each durable batch; a batch re-read after a crash is absorbed by the writer's idempotence.
 */
final class WriterSink implements RecordSink {
  private final ArticleWriter writer;
  private final Map<TopicPartition, Long> durable = new HashMap<>();

  WriterSink(ArticleWriter writer) {
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  @Override
  public Optional<Map<TopicPartition, Long>> storedPositions() {
    return Optional.empty();
  }

  @Override
  public List<ArticleWriter.Outcome> write(SinkBatch batch) throws IOException {
    List<ArticleWriter.Outcome> outcomes = writer.write(batch.articles());
    writer.remove(batch.removed());
    durable.putAll(batch.nextOffsets());
    return outcomes;
  }

  @Override
  public Map<TopicPartition, Long> durablePositions() {
    return Map.copyOf(durable);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
