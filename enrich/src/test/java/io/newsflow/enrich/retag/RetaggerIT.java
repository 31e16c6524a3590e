package io.newsflow.enrich.retag;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tag.Tagger;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.TopicTag;
import io.newsflow.schemas.Topics;
import io.newsflow.testkit.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-tagging past articles with a new taxonomy, against a real broker. */
class RetaggerIT {
  final Map<String, Object> client =
      Map.of("bootstrap.servers", KafkaFixture.shared().bootstrapServers());

  @Test
  void shouldRetagHistoryIntoItsOwnTopicNamingTheNewTaxonomyVersion(@TempDir Path dir)
      throws Exception {
    String source = "it.retag.source." + System.nanoTime();
    Files.writeString(dir.resolve("taxonomy.json"), userTaxonomy(), StandardCharsets.UTF_8);
    Tagger tagger = Tagger.load(dir.resolve("taxonomy.json"));
    String target = Retagger.defaultTarget(tagger.version());
    ensure(source, target);
    produce(
        source,
        List.of(
            article("a1", "The lighthouse keepers of the coast voted to strike over pay."),
            article("a2", "A quiet day at the market with nothing to report.")));

    Retagger.Report report = new Retagger(client, tagger).run(source, target, n -> {});

    assertThat(report.retagged()).isEqualTo(2);
    List<EnrichedArticle> out = readAll(target);
    assertThat(out).extracting(EnrichedArticle::getTaxonomyVersion).containsOnly(tagger.version());
    EnrichedArticle a1 = out.stream().filter(a -> a.getId().equals("a1")).findFirst().orElseThrow();
    assertThat(a1.getTopics()).extracting(TopicTag::getName).contains("lighthouses");
    assertThat(a1.getTopics())
        .allSatisfy(t -> assertThat(t.getTaxonomyVersion()).isEqualTo(tagger.version()));
    EnrichedArticle a2 = out.stream().filter(a -> a.getId().equals("a2")).findFirst().orElseThrow();
    assertThat(a2.getTopics()).extracting(TopicTag::getName).doesNotContain("lighthouses");
    assertThat(readAll(source))
        .as("the source is left as it was")
        .allSatisfy(a -> assertThat(a.getTaxonomyVersion()).isEqualTo("old-1"));
  }

  @Test
  void shouldCountOnlyWhatTheBrokerAcknowledgedAndNameWhyTheRestWasRefused(@TempDir Path dir)
      throws Exception {
    String source = "it.retag.source." + System.nanoTime();
    String target = "it.retag.tiny." + System.nanoTime();
    Files.writeString(dir.resolve("taxonomy.json"), userTaxonomy(), StandardCharsets.UTF_8);
    Tagger tagger = Tagger.load(dir.resolve("taxonomy.json"));
    ensure(source);
    try (Admin admin = Admin.create(client)) {
      // a target whose records may not exceed 64 bytes: the broker refuses every article
      admin
          .createTopics(
              List.of(
                  new NewTopic(target, 1, (short) 1).configs(Map.of("max.message.bytes", "64"))))
          .all()
          .get();
    }
    produce(
        source,
        List.of(
            article("b1", "The lighthouse keepers of the coast voted to strike over pay."),
            article("b2", "A quiet day at the market with nothing to report.")));

    Retagger.Report report = new Retagger(client, tagger).run(source, target, n -> {});

    assertThat(report.retagged()).as("nothing reached the target").isZero();
    assertThat(report.failed()).isEqualTo(2);
    assertThat(report.firstFailure()).contains("RecordTooLarge");
    assertThat(report.tagCounts()).isEmpty();
    assertThat(readAll(target)).isEmpty();
  }

  static String userTaxonomy() throws Exception {
    try (var in = RetaggerIT.class.getResourceAsStream("/retag/user-taxonomy.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  void ensure(String... names) {
    List<TopicSpec<?, ?>> specs = new ArrayList<>();
    for (String n : names) {
      specs.add(new TopicSpec<>(n, Serdes.String(), Topics.ENRICHED.valueSerde(), false));
    }
    try (Admin admin = Admin.create(client)) {
      new TopicAdmin(admin, 2, (short) 1, Duration.ofSeconds(30)).ensure(specs);
    }
  }

  void produce(String topic, List<EnrichedArticle> articles) throws Exception {
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
      for (EnrichedArticle a : articles) {
        p.send(
                new ProducerRecord<>(
                    topic,
                    a.getId(),
                    Topics.ENRICHED.valueSerde().serializer().serialize(topic, a)))
            .get();
      }
    }
  }

  List<EnrichedArticle> readAll(String topic) {
    Map<String, Object> c = new java.util.HashMap<>(client);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<EnrichedArticle> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                r ->
                    out.add(
                        Topics.ENRICHED.valueSerde().deserializer().deserialize(topic, r.value())));
      }
    }
    return out;
  }

  static EnrichedArticle article(String id, String text) {
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setSource(id)
        .setTitle("T")
        .setText(text)
        .setRemoved(List.of())
        .setTopics(List.of())
        .setLanguage("en")
        .setFetchedAt(Instant.now())
        .setExtractorVersion("x")
        .setTaxonomyVersion("old-1")
        .build();
  }
}
