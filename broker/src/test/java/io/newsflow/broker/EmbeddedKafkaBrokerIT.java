package io.newsflow.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

  @Test
  void shouldKeepTopicsAndRecordsWhenRestartedOnTheSameFolder(@TempDir Path dir) throws Exception {
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(dir, Map.of(), Duration.ofSeconds(60))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
      }
      Thread.sleep(
          500); // let the new partition settle before an idempotent producer writes (KAFKA-15591)
      try (KafkaProducer<String, String> p = producer(broker.bootstrapServers())) {
        p.send(new ProducerRecord<>("t", "k", "v")).get();
      }
    }

    try (EmbeddedKafkaBroker again =
        EmbeddedKafkaBroker.start(dir, Map.of(), Duration.ofSeconds(60))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", again.bootstrapServers()))) {
        Set<String> names = admin.listTopics().names().get();
        assertThat(names).contains("t");
      }
      assertThat(readAll(again.bootstrapServers(), "t")).containsExactly("v");
    }
  }

  @Test
  void shouldRefuseASecondBrokerOnTheSameFolderUntilTheFirstIsClosed(@TempDir Path dir)
      throws Exception {
    try (EmbeddedKafkaBroker first =
        EmbeddedKafkaBroker.start(dir, Map.of(), Duration.ofSeconds(60))) {
      Path ports = dir.resolve("newsflow-ports.properties");
      String portsBefore = Files.readString(ports);

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, Map.of(), Duration.ofSeconds(60)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "another broker is using "
                  + dir.toAbsolutePath()
                  + " (pid "
                  + ProcessHandle.current().pid()
                  + ")");

      assertThat(Files.readString(ports))
          .as("nothing of the first broker touched")
          .isEqualTo(portsBefore);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
      }
    }

    try (EmbeddedKafkaBroker next =
        EmbeddedKafkaBroker.start(dir, Map.of(), Duration.ofSeconds(60))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", next.bootstrapServers()))) {
        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
      }
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static List<String> readAll(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      c.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      while (values.isEmpty() && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
