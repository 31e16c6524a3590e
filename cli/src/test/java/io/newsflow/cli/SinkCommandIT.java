package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.ArticleJson;
import io.newsflow.testkit.KafkaFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink stage on its own: drain a topic into the out folder, and run again without repeats. */
class SinkCommandIT {
  @TempDir Path out;
  @TempDir Path work;

  @Test
  void shouldDrainTheTopicIntoSegmentsAndTheLatestViewAndNotRepeatOnASecondRun() throws Exception {
    String bootstrap = KafkaFixture.shared().bootstrapServers();
    String topic = "test.sink." + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    Path config = work.resolve("sink.properties");
    Files.writeString(
        config, "sink.topics=" + topic + "\nsink.group=test-sink-" + UUID.randomUUID() + "\n");
    produce(bootstrap, topic, 0, 20);

    CliRun first = sink(bootstrap, config);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(latestIds()).hasSize(20).doesNotHaveDuplicates();
    assertThat(segmentIds()).hasSize(20).doesNotHaveDuplicates();

    produce(bootstrap, topic, 20, 25);
    CliRun second = sink(bootstrap, config);

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(latestIds()).hasSize(25).doesNotHaveDuplicates();
    assertThat(segmentIds()).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void shouldStartTheIdleClockOnlyOnceItOwnsItsPartitions() throws Exception {
    String bootstrap = KafkaFixture.shared().bootstrapServers();
    String topic = "test.sink.stale." + UUID.randomUUID();
    String group = "test-sink-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    Path config = work.resolve("sink.properties");
    Files.writeString(config, "sink.topics=" + topic + "\nsink.group=" + group + "\n");
    produce(bootstrap, topic, 0, 20);
    // a sink that stopped answering without leaving (as after kill -9): it holds every partition
    // until the group gives up on it, 12 s from now
    try (KafkaConsumer<String, byte[]> stale = staleMember(bootstrap, group, topic)) {
      CliRun run = CliRun.of(sinkArgs(bootstrap, config, "3"));

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(latestIds()).as("the waiting articles were drained").hasSize(20);
      assertThat(segmentIds()).hasSize(20).doesNotHaveDuplicates();
    }
  }

  private static KafkaConsumer<String, byte[]> staleMember(
      String bootstrap, String group, String topic) {
    KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                group,
                "enable.auto.commit",
                false,
                "session.timeout.ms",
                6000,
                "max.poll.interval.ms",
                12000),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    c.subscribe(List.of(topic));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (c.assignment().isEmpty() && System.nanoTime() < deadline) {
      c.poll(Duration.ofMillis(200));
    }
    assertThat(c.assignment()).as("the stale member owns the partitions").hasSize(2);
    return c;
  }

  @Test
  void shouldRefuseASecondSinkOnTheSameFolder() throws Exception {
    String bootstrap = KafkaFixture.shared().bootstrapServers();
    Path config = work.resolve("sink.properties");
    Files.writeString(config, "sink.group=test-sink-" + UUID.randomUUID() + "\n");
    // not through CliRun, which lets one command at a time capture the console
    Thread first = new Thread(() -> Newsflow.run(sinkArgs(bootstrap, config)));
    first.start();
    Path lock = out.resolve("segments/.lock");
    for (int i = 0; i < 100 && !Files.exists(lock); i++) {
      Thread.sleep(100);
    }

    CliRun second = sink(bootstrap, config);

    first.join(60_000);
    assertThat(second.exitCode()).isNotZero();
    assertThat(second.err()).containsIgnoringCase("another sink");
  }

  private CliRun sink(String bootstrap, Path config) {
    return CliRun.of(sinkArgs(bootstrap, config));
  }

  private String[] sinkArgs(String bootstrap, Path config) {
    return sinkArgs(bootstrap, config, "6");
  }

  private String[] sinkArgs(String bootstrap, Path config, String idleSeconds) {
    return new String[] {
      "sink",
      "--out",
      out.toString(),
      "--config",
      config.toString(),
      "--bootstrap-servers",
      bootstrap,
      "--stop-when-idle",
      idleSeconds,
      "-q"
    };
  }

  private static void produce(String bootstrap, String topic, int from, int to) {
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = from; i < to; i++) {
        String id = "s" + i;
        byte[] value =
            Topics.ENRICHED
                .valueSerde()
                .serializer()
                .serialize(
                    topic,
                    CliRun.article(
                        id, "Story " + i, "Text of story " + i + ".", "intervention", "story"));
        p.send(new ProducerRecord<>(topic, id, value));
      }
      p.flush();
    }
  }

  private List<String> latestIds() throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
      ids.add(ArticleJson.MAPPER.readTree(line).get("id").asText());
    }
    return ids;
  }

  /** Ids in the committed segment files, in order, as a reader listing part-* would see them. */
  private List<String> segmentIds() throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("segments"))) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          JsonNode n = ArticleJson.MAPPER.readTree(line);
          ids.add(n.get("id").asText());
        }
      }
    }
    return ids;
  }
}
