package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.TopicTag;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.Via;
import io.newsflow.testkit.SharedData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> raw;
  TestOutputTopic<String, EnrichedArticle> enriched;
  TestOutputTopic<String, DeadLetter> dlq;

  @BeforeEach
  void start() {
    start(EnrichSettings.defaults());
  }

  private void start(EnrichSettings settings) {
    driver = EnrichDrivers.start("enrich-test", settings);
    raw = EnrichDrivers.raw(driver);
    enriched = EnrichDrivers.output(driver, Topics.ENRICHED);
    dlq = EnrichDrivers.output(driver, Topics.DLQ);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldEnrichASeedArticleAndPublishItOnEachOfItsTopicStreams() throws Exception {
    Path seed = Files.list(SharedData.seeds()).sorted().findFirst().orElseThrow();
    RawArticle article = rawText("seed-1", Files.readAllBytes(seed));

    raw.pipeInput("seed-1", encode(article));

    EnrichedArticle out = enriched.readValue();
    assertThat(out.getId()).isEqualTo("seed-1");
    assertThat(out.getText()).isNotBlank();
    assertThat(out.getLanguage()).isEqualTo("en");
    assertThat(out.getTopics())
        .extracting(TopicTag::getName)
        .contains("sovereignty", "intervention");
    for (TopicTag tag : out.getTopics()) {
      assertThat(tag.getEvidence())
          .allSatisfy(
              e ->
                  assertThat(
                          ("title".equals(e.getField()) ? out.getTitle() : out.getText())
                              .substring(e.getStart(), e.getEnd()))
                      .isEqualTo(e.getPhrase()));
      assertThat(tag.getSentences()).as("the sentences that decided " + tag.getName()).isNotEmpty();
      assertThat(tag.getSentences())
          .allSatisfy(
              s ->
                  assertThat(
                          ("title".equals(s.getField()) ? out.getTitle() : out.getText())
                              .substring(s.getStart(), s.getEnd()))
                      .isEqualTo(s.getPhrase()));
      var perTopic =
          driver.createOutputTopic(
              Topics.forTag(tag.getName()).name(),
              Serdes.String().deserializer(),
              Topics.ENRICHED.valueSerde().deserializer());
      assertThat(perTopic.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("seed-1");
    }
    assertThat(dlq.isEmpty()).isTrue();
  }

  @Test
  void shouldDeadLetterPoisonBytesWithTheirCoordinatesAndKeepProcessing() {
    byte[] poison = "{not avro at all".getBytes(StandardCharsets.UTF_8);

    raw.pipeInput("bad-1", poison);
    raw.pipeInput(
        "good-1",
        encode(
            rawText(
                "good-1",
                "A headline\n\nThe first paragraph of the story."
                    .getBytes(StandardCharsets.UTF_8))));

    DeadLetter dead = dlq.readValue();
    assertThat(dead.getStage()).isEqualTo(EnrichTopology.DECODE);
    assertThat(dead.getArticleId()).isEqualTo("bad-1");
    assertThat(dead.getTopic()).isEqualTo(Topics.RAW.name());
    assertThat(dead.getOffset()).isZero();
    assertThat(bytes(dead.getValue())).isEqualTo(poison);
    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good-1");
  }

  @Test
  void shouldDeadLetterAnArticleWhoseTaggingRunsPastTheTimeLimitAndKeepProcessing()
      throws Exception {
    driver.close();
    Path taxonomy = Files.createTempFile("slow-taxonomy", ".json");
    Files.writeString(
        taxonomy,
        "{\"format\": 1, \"version\": \"slow-1\", \"topics\": [{\"name\": \"slow\","
            + " \"rules\": [{\"id\": \"slow.backtracking\", \"cue\": \"((a+)+)+b\"}]}]}");
    io.newsflow.enrich.tag.Tagger slow =
        io.newsflow.enrich.tag.Tagger.load(taxonomy).withTimeout(java.time.Duration.ofMillis(300));
    start(new EnrichSettings(io.newsflow.enrich.text.ExtractorSettings.defaults(), slow));
    String words = "aaaaaaaaaaaaaaaaaaaaaaaaaaa ".repeat(2000);
    String body = "A headline\n\n" + (words.strip() + ".\n\n").repeat(10);

    long started = System.nanoTime();
    raw.pipeInput("slow-1", encode(rawText("slow-1", body.getBytes(StandardCharsets.UTF_8))));
    raw.pipeInput(
        "good-1",
        encode(rawText("good-1", "A headline\n\nA short story.".getBytes(StandardCharsets.UTF_8))));
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;

    DeadLetter dead = dlq.readValue();
    assertThat(dead.getStage()).isEqualTo(EnrichTopology.TAG);
    assertThat(dead.getArticleId()).isEqualTo("slow-1");
    assertThat(dead.getReason()).contains("time limit");
    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good-1");
    assertThat(seconds).as("the stream thread was held well under a minute").isLessThan(60);
  }

  @Test
  void shouldDeadLetterAnEmptyArticleWithTheExtractorsReason() {
    raw.pipeInput(new TestRecord<>("empty-1", encode(rawText("empty-1", new byte[0]))));

    DeadLetter dead = dlq.readValue();
    assertThat(dead.getStage()).isEqualTo(EnrichTopology.EXTRACT);
    assertThat(dead.getReason()).containsIgnoringCase("empty");
    assertThat(dead.getSource()).isEqualTo("empty-1.txt");
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void shouldNameEveryStepSoTheTopologyReadsLikeTheDesign() {
    String description =
        EnrichTopology.build(new StreamsBuilder(), EnrichSettings.defaults()).describe().toString();
    assertThat(description)
        .contains(
            EnrichTopology.DECODE,
            EnrichTopology.EXTRACT,
            EnrichTopology.TAG,
            EnrichTopology.STORY,
            "write-stories",
            "write-enriched",
            "write-dead-letters",
            "write-topic-sovereignty",
            "write-topic-intervention");
  }

  @Test
  void shouldLearnAnOutletsOwnRecurringLineAndStripItFromLaterArticles() {
    String promo = "Support the Harbour Ledger's independent reporting by becoming a member today.";
    List<EnrichedArticle> out = new java.util.ArrayList<>();
    String[] subjects = {
      "ferry",
      "pier",
      "lighthouse",
      "marina",
      "dredging",
      "seawall",
      "fish market",
      "boatyard",
      "tide gauge",
      "breakwater",
      "quay",
      "slipway",
      "crane",
      "warehouse",
      "customs house"
    };
    String[] verbs = {"approved", "delayed", "rejected", "amended", "funded", "debated"};
    for (int i = 0; i < 30; i++) {
      String subject = subjects[i % subjects.length] + (i >= subjects.length ? " extension" : "");
      String verb = verbs[i % verbs.length];
      String body =
          "Council "
              + verb
              + " the "
              + subject
              + " plan\n\n"
              + "The council "
              + verb
              + " the "
              + subject
              + " plan after a long evening session.\n\n"
              + promo
              + "\n\n"
              + "Residents living near the "
              + subject
              + " said they had not been "
              + (i % 2 == 0 ? "asked" : "consulted")
              + ".";
      RawArticle a = rawText("ledger-" + i, body.getBytes(StandardCharsets.UTF_8));
      a.setOutlet("Harbour Ledger");
      raw.pipeInput("ledger-" + i, encode(a));
      out.add(enriched.readValue());
    }

    assertThat(out.get(0).getText()).contains(promo);
    EnrichedArticle last = out.get(out.size() - 1);
    assertThat(last.getText()).doesNotContain(promo).contains("Residents living near");
    assertThat(last.getRemoved())
        .anySatisfy(
            r -> {
              assertThat(r.getText()).isEqualTo(promo);
              assertThat(r.getReason()).isEqualTo("learned:outlet");
            });
  }

  @Test
  void shouldKeepTheLatestVersionOfEachArticleOnTheCompactedTopic() {
    raw.pipeInput(
        "a-1",
        encode(
            rawText(
                "a-1",
                "Headline\n\nA paragraph of the story that is long enough."
                    .getBytes(StandardCharsets.UTF_8))));

    var latest =
        driver.createOutputTopic(
            Topics.ARTICLES.name(),
            Serdes.String().deserializer(),
            Topics.ARTICLES.valueSerde().deserializer());
    assertThat(latest.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a-1");
  }

  @Test
  void shouldTakeTheOutletsLanguageHintOnlyWhenTheTextCannotTell() {
    RawArticle english =
        rawText(
            "en-1",
            ("Talks resume\n\nThe minister said the army would not cross the border, and that talks"
                    + " with the neighbours were going well.")
                .getBytes(StandardCharsets.UTF_8));
    RawArticle brief = rawText("pt-1", "Lula\n\nBrasília, 12h.".getBytes(StandardCharsets.UTF_8));

    raw.pipeInput("en-1", encode(RawArticle.newBuilder(english).setLanguage("es").build()));
    raw.pipeInput("pt-1", encode(RawArticle.newBuilder(brief).setLanguage("pt-BR").build()));
    raw.pipeInput(
        "none-1",
        encode(rawText("none-1", "Lula\n\nBrasília, 12h.".getBytes(StandardCharsets.UTF_8))));

    assertThat(enriched.readKeyValuesToList())
        .extracting(kv -> kv.key + "=" + kv.value.getLanguage())
        .containsExactly("en-1=en", "pt-1=pt", "none-1=null");
  }

  static RawArticle rawText(String id, byte[] body) {
    return RawArticle.newBuilder()
        .setId(id)
        .setSource(id + ".txt")
        .setVia(Via.REPLAY)
        .setFetchedAt(Instant.ofEpochMilli(0))
        .setContentType("text/plain")
        .setCharset("UTF-8")
        .setBody(ByteBuffer.wrap(body))
        .build();
  }

  static byte[] encode(RawArticle a) {
    return Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), a);
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
