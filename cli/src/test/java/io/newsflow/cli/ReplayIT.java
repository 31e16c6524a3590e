package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.testkit.KafkaFixture;
import io.newsflow.testkit.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed corpus through a real broker, ingest → enrich → sink, as a user runs it. */
class ReplayIT {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Lines no clean article keeps: share/follow prompts, inserts, tails, credits. */
  static final Pattern BOILERPLATE =
      Pattern.compile(
          "(?i)^(also read|read more)\\b.*|.*share this story.*|.*whats\\s?app.*|^help us improve\\.?$"
              + "|^related articles$|^trending$|^(cover |file )?photo\\s*:.*|.*/\\s*(afp|reuters|ap|getty images)$");

  @TempDir static Path out;
  @TempDir static Path data;
  static List<JsonNode> firstRun;
  static List<JsonNode> secondRun;
  static CliRun firstReplay;
  static List<JsonNode> firstStories;
  static List<JsonNode> secondStories;

  @BeforeAll
  static void replayTwice() throws Exception {
    String[] args = {
      "replay",
      SharedData.seeds().toString(),
      "--out",
      out.toString(),
      "--bootstrap-servers",
      KafkaFixture.shared().bootstrapServers(),
      "--data-dir",
      data.toString(),
      "-q"
    };
    firstReplay = CliRun.of(args);
    assertThat(firstReplay.exitCode()).as(firstReplay.err()).isZero();
    firstRun = readOutput();
    firstStories = readLines("stories.jsonl");
    assertThat(Newsflow.run(args)).isZero();
    secondRun = readOutput();
    secondStories = readLines("stories.jsonl");
  }

  @Test
  void shouldWriteOneEnrichedArticlePerSeed() throws Exception {
    long seeds;
    try (Stream<Path> files = Files.list(SharedData.seeds())) {
      seeds = files.filter(p -> p.toString().endsWith(".txt")).count();
    }
    assertThat(firstRun).hasSize((int) seeds);
    assertThat(firstRun).extracting(a -> a.path("id").asText()).doesNotHaveDuplicates();
  }

  @Test
  void shouldStillHoldOneRecordPerArticleAfterASecondReplay() {
    assertThat(secondRun).hasSameSizeAs(firstRun);
    assertThat(secondRun)
        .extracting(a -> a.path("id").asText())
        .containsExactlyInAnyOrderElementsOf(
            firstRun.stream().map(a -> a.path("id").asText()).toList());
  }

  @Test
  void shouldTagEverySeedWithBothTopicsAndEvidenceFoundInTheText() {
    for (JsonNode a : firstRun) {
      List<String> names = new ArrayList<>();
      a.path("topics").forEach(t -> names.add(t.path("name").asText()));
      assertThat(names).as(a.path("source").asText()).contains("sovereignty", "intervention");
      a.path("topics")
          .forEach(
              t ->
                  t.path("evidence")
                      .forEach(
                          e -> {
                            String field = a.path(e.path("field").asText()).asText();
                            assertThat(
                                    field.substring(e.path("start").asInt(), e.path("end").asInt()))
                                .isEqualTo(e.path("phrase").asText());
                          }));
    }
  }

  @Test
  void shouldRemoveBoilerplateAndKeepEveryStoryParagraph() throws Exception {
    for (JsonNode a : firstRun) {
      String text = a.path("text").asText();
      List<String> paragraphs = Arrays.asList(text.split("\n\n"));
      assertThat(paragraphs)
          .as(a.path("source").asText())
          .noneMatch(p -> BOILERPLATE.matcher(p.strip()).matches())
          .doesNotHaveDuplicates();
      String title = a.path("title").asText("");
      if (!title.isEmpty()) {
        assertThat(paragraphs).as("title repeated in the body").doesNotContain(title);
      }
      Path seed = SharedData.seeds().resolve(a.path("source").asText());
      for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
        // a long sentence-shaped line is story text, whatever the outlet
        if (line.strip().length() > 200 && line.strip().matches(".*[.!?\"”’]$")) {
          assertThat(text)
              .as("story paragraph kept in %s", seed.getFileName())
              .contains(line.strip());
        }
      }
      assertThat(a.path("removed").size()).isGreaterThanOrEqualTo(0);
      assertThat(a.path("language").asText().toLowerCase(Locale.ROOT)).isEqualTo("en");
    }
  }

  @Test
  void shouldGroupTheFiveSeedsIntoOneStoryOnTheArticlesAndInStoriesJsonl() {
    String story = firstRun.get(0).path("storyId").asText();
    assertThat(story).startsWith("story-");
    assertThat(firstRun).allSatisfy(a -> assertThat(a.path("storyId").asText()).isEqualTo(story));
    assertThat(firstStories).hasSize(1);
    JsonNode s = firstStories.get(0);
    assertThat(s.path("id").asText()).isEqualTo(story);
    assertThat(s.path("articleCount").asInt()).isEqualTo(firstRun.size());
    List<String> ids = new ArrayList<>();
    s.path("articles").forEach(a -> ids.add(a.path("id").asText()));
    assertThat(ids)
        .containsExactlyInAnyOrderElementsOf(
            firstRun.stream().map(a -> a.path("id").asText()).toList());
    assertThat(s.path("tags").path("sovereignty").asInt()).isEqualTo(firstRun.size());
    assertThat(firstReplay.out()).containsPattern("stories +1 \\(on news.stories\\)");
  }

  @Test
  void shouldNotCountTheSeedsTwiceInTheirStoryWhenReplayedAgain() {
    assertThat(secondStories).hasSize(1);
    assertThat(secondStories.get(0).path("articleCount").asInt()).isEqualTo(firstRun.size());
    assertThat(secondRun)
        .allSatisfy(
            a ->
                assertThat(a.path("storyId").asText())
                    .isEqualTo(firstStories.get(0).path("id").asText()));
  }

  static List<JsonNode> readOutput() throws Exception {
    return readLines("articles.jsonl");
  }

  static List<JsonNode> readLines(String file) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(file), StandardCharsets.UTF_8)) {
      rows.add(JSON.readTree(line));
    }
    return rows;
  }
}
