package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.Topics;
import io.newsflow.testkit.KafkaFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files in a replayed folder end as dead letters with a reason; the good ones still arrive. */
class ReplayBadInputIT {
  @TempDir Path corpus;
  @TempDir Path out;
  @TempDir Path data;

  @Test
  void shouldDeadLetterEmptyBinaryAndOversizedFilesAndStillDeliverTheGoodOne() throws Exception {
    Files.writeString(
        corpus.resolve("good.txt"),
        "Port strike ends\n\nDock workers returned to work on Monday after a week-long strike over pay and hours at the port.");
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    byte[] png = new byte[4096];
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(magic, 0, png, 0, magic.length);
    for (int i = magic.length; i < png.length; i++) {
      png[i] = (byte) (i * 31);
    }
    Files.write(corpus.resolve("image.html"), png);
    Files.writeString(corpus.resolve("huge.html"), "<p>" + "word ".repeat(1000) + "</p>");
    Path config = data.resolve("newsflow.properties");
    Files.writeString(config, "article.max.bytes=4500\n");
    String bootstrap = KafkaFixture.shared().bootstrapServers();
    Map<TopicPartition, Long> dlqStart = endOffsets(bootstrap);

    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int rc;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      rc =
          Newsflow.run(
              "replay",
              corpus.toString(),
              "--out",
              out.toString(),
              "--bootstrap-servers",
              bootstrap,
              "--data-dir",
              data.toString(),
              "--config",
              config.toString(),
              "-q");
    } finally {
      System.setOut(saved);
    }

    assertThat(rc).isZero();
    assertThat(Files.readAllLines(out.resolve("articles.jsonl")))
        .singleElement()
        .asString()
        .contains("Dock workers");
    String summary = stdout.toString(StandardCharsets.UTF_8);
    assertThat(summary).contains("articles in      4").contains("dead-lettered    3");
    List<DeadLetter> dead = readSince(bootstrap, dlqStart);
    assertThat(dead).extracting(DeadLetter::getSource).contains("huge.html");
    assertThat(dead)
        .extracting(DeadLetter::getReason)
        .anySatisfy(r -> assertThat(r).containsIgnoringCase("empty"));
    assertThat(dead)
        .extracting(DeadLetter::getReason)
        .anySatisfy(r -> assertThat(r).containsIgnoringCase("binary"));
    assertThat(dead).allSatisfy(d -> assertThat(d.getReason()).isNotBlank());
  }

  static Map<TopicPartition, Long> endOffsets(String bootstrap) {
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      new io.newsflow.schemas.TopicAdmin(admin, 4, (short) 1, Duration.ofSeconds(30))
          .ensure(List.copyOf(Topics.fixed()));
    }
    try (KafkaConsumer<String, byte[]> c = consumer(bootstrap)) {
      List<TopicPartition> parts =
          c.partitionsFor(Topics.DLQ.name()).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      return c.endOffsets(parts);
    }
  }

  static List<DeadLetter> readSince(String bootstrap, Map<TopicPartition, Long> start) {
    List<DeadLetter> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = consumer(bootstrap)) {
      c.assign(start.keySet());
      start.forEach(c::seek);
      Map<TopicPartition, Long> end = c.endOffsets(start.keySet());
      while (end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
        c.poll(Duration.ofMillis(200))
            .forEach(
                r ->
                    out.add(
                        Topics.DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value())));
      }
    }
    return out;
  }

  static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
    return new KafkaConsumer<>(
        Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
