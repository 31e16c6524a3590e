package io.newsflow.ingest.monitor;

import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import io.newsflow.testkit.KafkaFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic of the shared test broker, up to its end offsets at the time of the call. */
final class TopicReader {
  private TopicReader() {}

  static Map<String, Object> props() {
    return Map.of("bootstrap.servers", KafkaFixture.shared().bootstrapServers());
  }

  static void ensureTopics() {
    try (Admin admin = Admin.create(props())) {
      new TopicAdmin(admin, 2, (short) 1, Duration.ofSeconds(60))
          .ensure(List.of(Topics.RAW, Topics.DLQ));
    }
  }

  static <V> List<V> readAll(TopicSpec<String, V> topic) {
    Map<String, Object> p = new java.util.HashMap<>(props());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(topic.name()).stream()
              .map(i -> new TopicPartition(topic.name(), i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      List<V> out = new ArrayList<>();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
          out.add(topic.valueSerde().deserializer().deserialize(topic.name(), r.value()));
        }
      }
      return out;
    }
  }
}
