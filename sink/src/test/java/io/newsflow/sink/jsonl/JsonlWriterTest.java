package io.newsflow.sink.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.sink.ArticleJson;
import io.newsflow.sink.ArticleWriter.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlWriterTest {

  @Test
  void shouldKeepOneLinePerArticleWhenTheSameArticlesArriveAgainAfterARestart(@TempDir Path dir)
      throws Exception {
    try (JsonlWriter w = new JsonlWriter(dir)) {
      assertThat(w.write(List.of(article("a", 1, "Text A"), article("b", 1, "Text B"))))
          .containsExactly(Outcome.WRITTEN, Outcome.WRITTEN);
    }
    try (JsonlWriter again = new JsonlWriter(dir)) {
      assertThat(again.write(List.of(article("a", 1, "Text A"), article("b", 1, "Text B"))))
          .containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE);
    }
    assertThat(ids(dir)).containsExactly("a", "b");
  }

  @Test
  void shouldReplaceAnArticleWithItsNewerVersionAndIgnoreAnOlderOne(@TempDir Path dir)
      throws Exception {
    try (JsonlWriter w = new JsonlWriter(dir)) {
      w.write(List.of(article("a", 1, "First"), article("b", 1, "Other")));
      assertThat(w.write(List.of(article("a", 2, "Second")))).containsExactly(Outcome.REPLACED);
      assertThat(w.write(List.of(article("a", 1, "Stale")))).containsExactly(Outcome.STALE);
    }
    List<String> lines = Files.readAllLines(dir.resolve(JsonlWriter.FILE));
    assertThat(ids(dir)).containsExactly("a", "b");
    assertThat(ArticleJson.MAPPER.readTree(lines.get(0)).path("text").asText()).isEqualTo("Second");
  }

  @Test
  void shouldCutALineTornByACrashAndWriteItAgain(@TempDir Path dir) throws Exception {
    try (JsonlWriter w = new JsonlWriter(dir)) {
      w.write(List.of(article("a", 1, "A")));
    }
    Files.write(
        dir.resolve(JsonlWriter.FILE),
        "{\"id\":\"b\",\"tex".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    try (JsonlWriter w = new JsonlWriter(dir)) {
      assertThat(w.write(List.of(article("b", 1, "B")))).containsExactly(Outcome.WRITTEN);
    }
    assertThat(ids(dir)).containsExactly("a", "b");
  }

  static List<String> ids(Path dir) throws Exception {
    return Files.readAllLines(dir.resolve(JsonlWriter.FILE)).stream()
        .map(
            l -> {
              try {
                return ArticleJson.MAPPER.readTree(l).path("id").asText();
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            })
        .toList();
  }

  static EnrichedArticle article(String id, int version, String text) {
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setSource(id + ".txt")
        .setTitle("T " + id)
        .setText(text)
        .setRemoved(List.of())
        .setTopics(List.of())
        .setLanguage("en")
        .setFetchedAt(Instant.now())
        .setVersion(version)
        .setExtractorVersion("x")
        .setTaxonomyVersion("t")
        .build();
  }
}
