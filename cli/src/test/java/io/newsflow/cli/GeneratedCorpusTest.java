package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated corpus of {@code bench pipeline --generate} is a stream of events, as news is: the
 * story step (through {@code newsflow stories}, the topology's code) finds many stories of a few
 * articles each, not one story of everything.
 */
class GeneratedCorpusTest {
  static final int ARTICLES = 300;
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldFormManyStoriesOfAFewArticlesEach(@TempDir Path dir) throws Exception {
    Path corpus = GeneratedCorpus.write(dir.resolve("gen.jsonl"), ARTICLES, 0, 17);
    assertThat(Files.readAllLines(corpus, StandardCharsets.UTF_8)).hasSize(ARTICLES);
    Path input = storiesInput(corpus, dir.resolve("in.jsonl"));
    Path out = dir.resolve("out.jsonl");

    CliRun run = CliRun.of("stories", input.toString(), "-o", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, Long> sizes =
        Files.readAllLines(out).stream()
            .map(l -> readStory(l))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    // about 0.3 new events an article: ~90 events in 300 articles
    assertThat(sizes.size()).as("stories").isBetween(ARTICLES / 6, ARTICLES / 2);
    assertThat(sizes.values().stream().mapToLong(Long::longValue).max().orElseThrow())
        .as("articles in the largest story")
        .isLessThanOrEqualTo(20);
  }

  @Test
  void shouldDateTheArticlesAtTheRateAsked(@TempDir Path dir) throws Exception {
    Path corpus = GeneratedCorpus.write(dir.resolve("dated.jsonl"), ARTICLES, 100, 17);
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
      rows.add(JSON.readTree(line));
    }

    // 100 a day: articles 0-99 on the first day, 100-199 on the second, 200-299 on the third
    assertThat(rows.get(0).get("url").asText()).contains("/news/2026/11/01/0");
    assertThat(rows.get(99).get("url").asText()).contains("/news/2026/11/01/99");
    assertThat(rows.get(100).get("url").asText()).contains("/news/2026/11/02/100");
    assertThat(rows.get(299).get("url").asText()).contains("/news/2026/11/03/299");
    // fetched after it was published, on its day
    assertThat(rows.get(150).get("fetched_at").asText()).startsWith("2026-11-02T");
    // the same articles as the undated corpus of the same seed, only dated
    Path undated = GeneratedCorpus.write(dir.resolve("undated.jsonl"), ARTICLES, 0, 17);
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(undated, StandardCharsets.UTF_8)) {
      texts.add(JSON.readTree(line).get("text").asText());
    }
    assertThat(rows.stream().map(r -> r.get("text").asText()).toList()).isEqualTo(texts);
    assertThat(undated.toFile()).content().doesNotContain("/news/2026/");
  }

  /**
   * The generated articles as {@code newsflow stories} reads them ({@code id, title, text}): the
   * first line of each text is its headline.
   */
  static Path storiesInput(Path corpus, Path file) throws Exception {
    List<String> in = new ArrayList<>();
    for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
      JsonNode n = JSON.readTree(line);
      String text = n.get("text").asText();
      ObjectNode o = JSON.createObjectNode();
      o.put("id", n.get("url").asText());
      o.put("title", text.substring(0, text.indexOf('\n')));
      o.put("text", text.substring(text.indexOf('\n')).trim());
      in.add(JSON.writeValueAsString(o));
    }
    return Files.write(file, in, StandardCharsets.UTF_8);
  }

  private static String readStory(String line) {
    try {
      return JSON.readTree(line).get("story").asText();
    } catch (Exception e) {
      throw new IllegalStateException(line, e);
    }
  }
}
