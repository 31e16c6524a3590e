package io.newsflow.cli;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the dead letters, and the pages that are not news ({@code news.pages}), written from now on
 * (no consumer group; nothing is committed): the two ends of a run besides the sink.
 */
final class DeadLetterWatcher implements AutoCloseable {
  /** The longest one {@link #poll} waits for records. */
  static final Duration MAX_WAIT = Duration.ofMillis(25);

  private final KafkaConsumer<String, byte[]> consumer;

  DeadLetterWatcher(Map<String, Object> clientProps) {
    Map<String, Object> p = new java.util.HashMap<>(clientProps);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> parts =
        java.util.stream.Stream.of(Topics.DLQ.name(), Topics.PAGES.name())
            .flatMap(t -> consumer.partitionsFor(t).stream())
            .map(i -> new TopicPartition(i.topic(), i.partition()))
            .toList();
    consumer.assign(parts);
    consumer.seekToEnd(parts);
    parts.forEach(consumer::position); // fix the start now, before anything is produced
  }

  void poll(Duration timeout, Consumer<DeadLetter> onDead) {
    poll(timeout, onDead, page -> {});
  }

  /**
   * Hands over the dead letters and pages that arrived, waiting for some at most {@code timeout}
   * and at most {@link #MAX_WAIT}: a caller loops on it and checks its other ends (the sink's
   * arrivals) in between, so a long wait here would delay seeing the last of them.
   */
  void poll(Duration timeout, Consumer<DeadLetter> onDead, Consumer<EnrichedArticle> onPage) {
    Duration wait = timeout.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : timeout;
    for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
      try {
        if (r.topic().equals(Topics.PAGES.name())) {
          onPage.accept(Topics.PAGES.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        } else {
          onDead.accept(Topics.DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        }
      } catch (RuntimeException e) {
        // a foreign record on the topic: not one of ours, nothing to track
      }
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
