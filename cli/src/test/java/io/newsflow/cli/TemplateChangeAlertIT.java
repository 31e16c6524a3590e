package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.testkit.KafkaFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outlet whose page template changes: 60 articles in its old template are replayed, then 50 in a
 * new one that moves the story into a script blob, as a site rebuilt as a web app does. The second
 * replay raises an extraction-health alert on news.alerts and on the console. (Pages written for
 * this test.)
 */
class TemplateChangeAlertIT {
  static final String[] WORDS =
      ("harbour council plan vote ferry workers union budget minister coast weather storm port "
              + "fishermen island bridge road school tax court mayor river trade shipping cargo")
          .split(" ");

  @TempDir Path work;

  @Test
  void shouldAlertWhenAnOutletsTemplateChangesHalfwayThrough() throws Exception {
    String outlet = "Template Gazette " + UUID.randomUUID().toString().substring(0, 8);
    Random random = new Random(16);
    Path before = Files.createDirectories(work.resolve("before"));
    Path after = Files.createDirectories(work.resolve("after"));
    for (int i = 0; i < 60; i++) {
      Files.writeString(before.resolve("a" + i + ".html"), oldTemplate(outlet, i, random));
    }
    for (int i = 0; i < 50; i++) {
      Files.writeString(after.resolve("b" + i + ".html"), newTemplate(outlet, i, random));
    }
    String bootstrap = KafkaFixture.shared().bootstrapServers();

    CliRun first = replay(before, outlet, "before");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).doesNotContain("extraction changed");

    CliRun second = replay(after, outlet, "after");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("alerts           1");
    assertThat(second.err())
        .contains("newsflow: warning: " + outlet + ": extraction changed")
        .contains("template may have changed");

    List<JsonNode> alerts = alertsFor(bootstrap, outlet);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).path("figure").asText()).isNotBlank();
    assertThat(alerts.get(0).path("message").asText()).contains(outlet);
  }

  private CliRun replay(Path folder, String outlet, String name) {
    return CliRun.of(
        "replay",
        folder.toString(),
        "--out",
        work.resolve("out-" + name).toString(),
        "--bootstrap-servers",
        KafkaFixture.shared().bootstrapServers(),
        "--data-dir",
        work.resolve("data-" + name).toString(),
        "--outlet",
        outlet);
  }

  static String paragraph(Random r) {
    StringBuilder p = new StringBuilder();
    for (int s = 0; s < 4; s++) {
      StringBuilder sentence = new StringBuilder();
      for (int w = 0; w < 14; w++) {
        sentence.append(w == 0 ? "The" : WORDS[r.nextInt(WORDS.length)]).append(' ');
      }
      p.append(sentence.toString().strip()).append(". ");
    }
    return p.toString().strip();
  }

  static String oldTemplate(String outlet, int i, Random r) {
    StringBuilder body = new StringBuilder();
    for (int p = 0; p < 6; p++) {
      body.append("<p>").append(paragraph(r)).append("</p>\n");
    }
    return "<!doctype html><html><head><title>Harbour report "
        + i
        + " | "
        + outlet
        + "</title><meta property=\"article:published_time\" content=\"2026-11-"
        + String.format("%02d", 1 + i % 28)
        + "T10:00:00Z\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a>"
        + " <a href=\"/sport\">Sport</a></nav><article><h1>Harbour report "
        + i
        + "</h1>\n"
        + body
        + "</article><footer>Copyright "
        + outlet
        + ". All rights reserved.</footer></body></html>";
  }

  static String newTemplate(String outlet, int i, Random r) {
    StringBuilder json = new StringBuilder();
    for (int p = 0; p < 6; p++) {
      json.append(p == 0 ? "" : ",").append('"').append(paragraph(r)).append('"');
    }
    return "<!doctype html><html><head><title>"
        + outlet
        + "</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a>"
        + " <a href=\"/sport\">Sport</a></nav><div id=\"root\"></div><script>window.__STATE__={"
        + "\"headline\":\"Harbour report "
        + i
        + "\",\"paragraphs\":["
        + json
        + "]}</script><footer>Copyright "
        + outlet
        + ". All rights reserved.</footer></body></html>";
  }

  static List<JsonNode> alertsFor(String bootstrap, String outlet) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> found = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(Alerts.TOPIC.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> ends = c.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (parts.stream().anyMatch(p -> c.position(p) < ends.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          if (outlet.equals(r.key())) {
            found.add(json.readTree(r.value()));
          }
        }
      }
    }
    return found;
  }
}
