package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON Lines archive of fetched pages replays through every stage like a folder does. */
class ReplayArchiveIT {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void shouldReplayAJsonLinesArchiveOfPagesToTheSink() throws Exception {
    String page =
        "<html><head><title>Harbour reopens | The Coast Post</title></head><body>"
            + "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Harbour reopens</h1>"
            + "<p>The harbour reopened to fishing boats on Monday after three weeks of repairs to the breakwater.</p>"
            + "<p>Skippers said the delay had cost them most of the spring season, and asked the council for help.</p>"
            + "</article><footer>Share this story</footer></body></html>";
    Path archive = dir.resolve("pages.jsonl");
    Files.write(
        archive,
        List.of(
            JSON.writeValueAsString(
                Map.of(
                    "url",
                    "https://coast.example/news/harbour?utm_source=x",
                    "html",
                    page,
                    "fetched_at",
                    "2026-11-20T08:00:00Z")),
            JSON.writeValueAsString(
                Map.of(
                    "url",
                    "https://coast.example/news/ferry",
                    "text",
                    "Ferry timetable changes\n\nThe winter timetable starts on Sunday with two fewer crossings a day to the islands."))));

    CliRun run = CliRun.replay(archive, dir);

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("out/articles.jsonl"));
    assertThat(lines).hasSize(2);
    var harbour =
        lines.stream()
            .map(this::json)
            .filter(a -> a.path("title").asText().startsWith("Harbour"))
            .findFirst()
            .orElseThrow();
    assertThat(harbour.path("title").asText()).isEqualTo("Harbour reopens");
    assertThat(harbour.path("text").asText())
        .contains("breakwater")
        .doesNotContain("Share this story")
        .doesNotContain("Home");
  }

  private com.fasterxml.jackson.databind.JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
