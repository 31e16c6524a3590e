package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.sink.file.FileFormat;
import io.newsflow.sink.file.FileSink;
import io.newsflow.sink.file.FileSinkSettings;
import io.newsflow.testkit.KafkaFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consumer loop against a real broker. */
class SinkRunnerIT {

  @Test
  void shouldRemoveAnArticleWhenItsTombstoneArrivesAndDeadLetterGarbage(@TempDir Path out)
      throws Exception {
    String bootstrap = KafkaFixture.shared().bootstrapServers();
    String topic = "runner-" + UUID.randomUUID().toString().substring(0, 8);
    SinkFaultIT.createTopic(bootstrap, topic);
    SinkFaultIT.createTopic(bootstrap, Topics.DLQ.name()); // where the garbage record goes
    send(
        bootstrap,
        List.of(
            article(topic, "a"),
            article(topic, "b"),
            new ProducerRecord<>(topic, 0, "c", new byte[] {1, 2, 3}),
            new ProducerRecord<>(topic, 0, "a", null)));

    drain(bootstrap, "runner-it", topic, out, 4);

    assertThat(SinkFaultIT.viewIds(out)).containsExactly("b");
    assertThat(SinkFaultIT.segmentIds(out)).containsExactly("a", "b", "a");
  }

  @Test
  void shouldStartANewOutputFolderWhereItsGroupLeftOffAndANewGroupAtTheBeginning(
      @TempDir Path first, @TempDir Path second, @TempDir Path third) throws Exception {
    String bootstrap = KafkaFixture.shared().bootstrapServers();
    String topic = "runner-" + UUID.randomUUID().toString().substring(0, 8);
    String group = "runner-it-" + UUID.randomUUID();
    SinkFaultIT.createTopic(bootstrap, topic);
    produce(bootstrap, topic, "a", "b");
    drain(bootstrap, group, topic, first, 2);

    produce(bootstrap, topic, "c");
    drain(bootstrap, group, topic, second, 3);
    drain(bootstrap, group + "-new", topic, third, 3);

    assertThat(SinkFaultIT.viewIds(first)).containsExactlyInAnyOrder("a", "b");
    assertThat(SinkFaultIT.viewIds(second)).containsExactly("c");
    assertThat(SinkFaultIT.viewIds(third)).containsExactlyInAnyOrder("a", "b", "c");
  }

  private static void produce(String bootstrap, String topic, String... ids) {
    send(bootstrap, java.util.Arrays.stream(ids).map(id -> article(topic, id)).toList());
  }

  private static ProducerRecord<String, byte[]> article(String topic, String id) {
    return new ProducerRecord<>(
        topic,
        0,
        id,
        Topics.ENRICHED.valueSerde().serializer().serialize(topic, Articles.article(id, 1, id)));
  }

  private static void send(String bootstrap, List<ProducerRecord<String, byte[]>> records) {
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      records.forEach(p::send);
      p.flush();
    }
  }

  /** Runs a file sink into {@code out} until the partition is read up to {@code end}. */
  private static void drain(String bootstrap, String group, String topic, Path out, long end)
      throws Exception {
    FileSink sink =
        new FileSink(
            new FileSinkSettings(
                out, FileFormat.JSONL, Long.MAX_VALUE, Duration.ofMillis(100), true));
    SinkRunner runner =
        SinkFaultIT.runner(Map.of("bootstrap.servers", bootstrap), group, sink, topic);
    Thread t = new Thread(runner);
    t.start();
    try {
      SinkFaultIT.awaitUntil(
          "the topic consumed",
          () ->
              sink.durablePositions()
                      .getOrDefault(new org.apache.kafka.common.TopicPartition(topic, 0), 0L)
                  >= end,
          null);
    } finally {
      runner.close();
      t.join(30_000);
    }
  }
}
