package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.ArticleJson;
import io.newsflow.testkit.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a person following a topic with {@code newsflow tail} sees. */
class TailIT {
  static String bootstrap;
  static String topic;
  static final String TEXT =
      "The council voted to defend the country's sovereignty over the islands on Tuesday.";

  @BeforeAll
  static void produce() throws Exception {
    bootstrap = KafkaFixture.shared().bootstrapServers();
    topic = "test.tail." + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    EnrichedArticle a =
        CliRun.article("a1", "Council backs island claim", TEXT, "sovereignty", "sovereignty");
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      p.send(
          new ProducerRecord<>(
              topic, "a1", Topics.ENRICHED.valueSerde().serializer().serialize(topic, a)));
      p.send(new ProducerRecord<>(topic, "bad", "not avro".getBytes(StandardCharsets.UTF_8)));
      p.send(new ProducerRecord<>(topic, "gone", null));
      p.flush();
    }
  }

  @Test
  void shouldPrintTitleOutletTimeAndEachTagWithItsEvidence() {
    CliRun run = tail();

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Council backs island claim")
        .contains("Example Gazette")
        .contains("2026-11-20T10:00:00Z")
        .contains("tag sovereignty")
        .contains("\"sovereignty\" [text " + TEXT.indexOf("sovereignty"));
  }

  @Test
  void shouldReportAnUndecodableRecordAndGoOnToTheNextOne() {
    CliRun run = tail();

    assertThat(run.err()).contains("cannot decode " + topic + "-0@1");
    assertThat(run.out()).contains("tombstone: article gone was taken down");
  }

  @Test
  void shouldPrintOneJsonObjectPerRecordWithJson() throws Exception {
    CliRun run = tail("--json");

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode article = ArticleJson.MAPPER.readTree(lines.get(0));
    assertThat(article.get("id").asText()).isEqualTo("a1");
    assertThat(article.get("title").asText()).isEqualTo("Council backs island claim");
    assertThat(article.get("topics").get(0).get("name").asText()).isEqualTo("sovereignty");
    assertThat(article.get("topics").get(0).get("evidence").get(0).get("phrase").asText())
        .isEqualTo("sovereignty");
    JsonNode removed = ArticleJson.MAPPER.readTree(lines.get(1));
    assertThat(removed.get("id").asText()).isEqualTo("gone");
    assertThat(removed.get("deleted").asBoolean()).isTrue();
  }

  @Test
  void shouldFailClearlyOnATopicThatDoesNotExist() {
    CliRun run =
        CliRun.of(
            "tail",
            "no.such.topic." + UUID.randomUUID(),
            "--bootstrap-servers",
            bootstrap,
            "--max",
            "1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no topic").contains(bootstrap);
  }

  @Test
  void shouldTakeATagNameForItsTopic() {
    assertThat(TailCommand.resolve("sovereignty")).isEqualTo(Topics.forTag("sovereignty").name());
    assertThat(TailCommand.resolve("news.enriched")).isEqualTo("news.enriched");
  }

  private static CliRun tail(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "tail",
                topic,
                "--from-beginning",
                "--max",
                "3",
                "--bootstrap-servers",
                bootstrap,
                "-q"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }
}
