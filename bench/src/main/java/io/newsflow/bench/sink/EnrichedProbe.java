package io.newsflow.bench.sink;

import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Notes when each article id first becomes visible to a {@code read_committed} reader of {@code
 * news.enriched}: the moment enrich's transaction holding it committed, as any consumer sees it.
 * Without a group, so it does not disturb the sink's.
 */
final class EnrichedProbe implements Runnable, AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Long> seenAt;
  private volatile boolean running = true;

  EnrichedProbe(String bootstrap, Map<String, Long> seenAt) {
    this.seenAt = seenAt;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "isolation.level",
                "read_committed",
                "auto.offset.reset",
                "earliest",
                "enable.auto.commit",
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer());
  }

  @Override
  public void run() {
    try {
      List<PartitionInfo> parts = consumer.partitionsFor(Topics.ENRICHED.name());
      consumer.assign(
          parts.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList());
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          if (r.key() != null) {
            seenAt.putIfAbsent(r.key(), System.nanoTime());
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
  }
}
