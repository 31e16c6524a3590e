package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Story;
import io.newsflow.schemas.StoryMember;
import io.newsflow.schemas.Topics;
import io.newsflow.testkit.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The story step inside the production topology. */
class StoryStageTest {
  static final String UNRELATED =
      "Rovers beat City 3-1 in the cup final\n\n"
          + "Rovers won the cup final 3-1 against City on Saturday at the national stadium, with two"
          + " goals from their captain in the second half. The club's manager praised the"
          + " defence and said the squad would celebrate with supporters on Sunday.";

  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> raw;
  TestOutputTopic<String, EnrichedArticle> enriched;
  TestOutputTopic<String, Story> stories;

  @BeforeEach
  void start() {
    driver = EnrichDrivers.start("enrich-story-test", EnrichSettings.defaults());
    raw = EnrichDrivers.raw(driver);
    enriched = EnrichDrivers.output(driver, Topics.ENRICHED);
    stories = EnrichDrivers.output(driver, Topics.STORIES);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldGroupTheFiveSeedsIntoOneStoryWithFiveOutletsAndKeepAnUnrelatedArticleOut()
      throws Exception {
    List<Path> seeds;
    try (Stream<Path> s = Files.list(SharedData.seeds())) {
      seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(seeds).hasSize(5);
    for (Path p : seeds) {
      // as ingest delivers a monitored outlet's article: with the outlet's name (three of the
      // seed files do not name theirs in the text)
      String id = p.getFileName().toString();
      var a = EnrichTopologyTest.rawText(id, Files.readAllBytes(p));
      a.setOutlet("outlet of " + id);
      raw.pipeInput(id, EnrichTopologyTest.encode(a));
    }
    raw.pipeInput(
        "other",
        EnrichTopologyTest.encode(
            EnrichTopologyTest.rawText("other", UNRELATED.getBytes(StandardCharsets.UTF_8))));

    List<EnrichedArticle> articles = enriched.readValuesToList();
    assertThat(articles).hasSize(6);
    String seedStory = articles.get(0).getStoryId();
    assertThat(seedStory).isNotNull();
    assertThat(articles.subList(0, 5))
        .extracting(EnrichedArticle::getStoryId)
        .containsOnly(seedStory);
    assertThat(articles.get(5).getStoryId()).isNotNull().isNotEqualTo(seedStory);

    Map<String, Story> latest = new LinkedHashMap<>();
    for (KeyValue<String, Story> kv : stories.readKeyValuesToList()) {
      assertThat(kv.key).isEqualTo(kv.value.getId());
      latest.put(kv.key, kv.value);
    }
    assertThat(latest).containsOnlyKeys(seedStory, articles.get(5).getStoryId());
    Story story = latest.get(seedStory);
    assertThat(story.getArticleCount()).isEqualTo(5);
    assertThat(story.getArticles())
        .extracting(StoryMember::getArticleId)
        .containsExactlyElementsOf(
            articles.subList(0, 5).stream().map(EnrichedArticle::getId).toList());
    assertThat(story.getArticles())
        .extracting(StoryMember::getOutlet)
        .doesNotContainNull()
        .doesNotHaveDuplicates();
    assertThat(story.getTitle())
        .as("the headline of the first article that has one")
        .isEqualTo(
            articles.stream()
                .map(EnrichedArticle::getTitle)
                .filter(t -> t != null && !t.isBlank())
                .findFirst()
                .orElseThrow()
                .strip());
    assertThat(story.getTags()).containsEntry("sovereignty", 5);
    assertThat(story.getMergedInto()).isNull();
  }

  @Test
  void shouldMarkTheSameTextResentByASecondOutletAsANearCopy() {
    String body =
        "Port workers end strike in Valdoria\n\n"
            + "Dock workers at the port of Valdoria ended a nine-day strike on Tuesday after the"
            + " Harbour Board agreed to a 6.5 percent pay rise, union leader Amara Velez said."
            + " Ships that had waited off the coast began unloading 14,000 containers overnight.";
    EnrichedArticle first = pipe("wire-1", "Agency Wire", body);
    EnrichedArticle copy = pipe("paper-1", "Morning Paper", body);

    assertThat(copy.getStoryId()).isEqualTo(first.getStoryId());
    assertThat(copy.getDuplicateOf()).isEqualTo("wire-1");
    assertThat(first.getDuplicateOf()).isNull();
  }

  @Test
  void shouldWriteTheStoryWindowToItsChangelogSoItSurvivesARestart() {
    pipe("a-1", "Daily", UNRELATED);
    Map<String, byte[]> logged = StoryStepRestartTest.changelog(driver, "enrich-story-test");
    assertThat(logged.get("s:story-a-1")).as("the open story is logged").isNotNull();
    assertThat(logged.get("m")).as("the counters are logged").isNotNull();
    // the window is in the step's heap: the store does not keep a second copy of it
    assertThat(driver.getKeyValueStore(StoryStep.STORE).approximateNumEntries()).isZero();
  }

  @Test
  void shouldReadPublicationTimesInTheFormsPagesGiveThem() {
    assertThat(io.newsflow.enrich.story.StoryArticle.publishedAt("2026-03-03T10:15:00-05:00"))
        .isEqualTo(java.time.Instant.parse("2026-03-03T15:15:00Z"));
    assertThat(io.newsflow.enrich.story.StoryArticle.publishedAt("2026-03-03T10:15:00"))
        .isEqualTo(java.time.Instant.parse("2026-03-03T10:15:00Z"));
    assertThat(io.newsflow.enrich.story.StoryArticle.publishedAt("2026-03-03"))
        .isEqualTo(java.time.Instant.parse("2026-03-03T00:00:00Z"));
    assertThat(io.newsflow.enrich.story.StoryArticle.publishedAt("last Tuesday")).isNull();
    assertThat(io.newsflow.enrich.story.StoryArticle.publishedAt(null)).isNull();
  }

  private EnrichedArticle pipe(String id, String outlet, String body) {
    var a = EnrichTopologyTest.rawText(id, body.getBytes(StandardCharsets.UTF_8));
    a.setOutlet(outlet);
    raw.pipeInput(id, EnrichTopologyTest.encode(a));
    return enriched.readValue();
  }
}
