package io.newsflow.sink.story;

import static io.newsflow.sink.story.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.sink.ArticleJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesJsonlTest {
  @TempDir Path dir;

  @Test
  void shouldKeepOneLinePerStoryWithItsNewestState() throws Exception {
    try (StoriesJsonl w = new StoriesJsonl(dir)) {
      w.write(List.of(story("s1", 1, null, "A"), story("s2", 2, null, "B")));
      w.write(List.of(story("s1", 3, null, "A", "C"), story("s2", 1, null, "stale")));
    }
    List<JsonNode> lines = read();
    assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("s1", "s2");
    assertThat(lines.get(0).get("articleCount").asInt()).isEqualTo(2);
    assertThat(lines.get(0).get("outlets").toString()).isEqualTo("[\"A\",\"C\"]");
    assertThat(lines.get(0).get("articles").get(1).get("language").asText()).isEqualTo("es");
    assertThat(lines.get(1).get("outlets").toString())
        .as("an older state does not replace a newer one")
        .isEqualTo("[\"B\"]");
  }

  @Test
  void shouldContinueFromTheFileWhenOpenedAgain() throws Exception {
    try (StoriesJsonl w = new StoriesJsonl(dir)) {
      w.write(List.of(story("s1", 5, null, "A", "B")));
    }
    try (StoriesJsonl w = new StoriesJsonl(dir)) {
      w.write(List.of(story("s1", 5, null, "A", "B"), story("s1", 4, null, "old")));
      w.write(List.of(story("s3", 6, "s1", "C")));
    }
    List<JsonNode> lines = read();
    assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("s1", "s3");
    assertThat(lines.get(0).get("articleCount").asInt()).isEqualTo(2);
    assertThat(lines.get(1).get("mergedInto").asText()).isEqualTo("s1");
  }

  private List<JsonNode> read() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(StoriesJsonl.FILE), StandardCharsets.UTF_8)) {
      out.add(ArticleJson.MAPPER.readTree(line));
    }
    return out;
  }
}
