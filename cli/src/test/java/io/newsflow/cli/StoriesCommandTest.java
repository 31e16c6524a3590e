package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow stories}: JSON Lines in, {id, story} per line out. */
class StoriesCommandTest {
  private static final String QUAKE =
      "A magnitude 6.8 earthquake struck the Arequipa region of Peru on Tuesday, killing 14 people"
          + " near Chivay and Cabanaconde, the civil defence agency INDECI said.";
  private static final String SISMO =
      "Un sismo de magnitud 6,8 sacudió la región de Arequipa, en Perú, el martes, con 14 muertos"
          + " cerca de Chivay y Cabanaconde, informó el INDECI.";
  private static final String MATCH =
      "Kenji Watanabe scored twice as Millbrook Rovers beat Eastport Athletic on Saturday to reach"
          + " the county cup final at Hollins Park.";

  @Test
  void shouldWriteOneStoryLinePerArticleInFileOrder(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.write(
        in,
        List.of(
            line("a", "Earthquake in Arequipa kills 14", QUAKE, "en"),
            line("b", "Rovers reach the cup final", MATCH, "en"),
            line("c", "Sismo en Arequipa deja 14 muertos", SISMO, "es")),
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out.jsonl");

    CliRun run = CliRun.of("stories", in.toString(), "-o", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "{\"id\":\"a\",\"story\":\"story-a\"}",
            "{\"id\":\"b\",\"story\":\"story-b\"}",
            "{\"id\":\"c\",\"story\":\"story-a\"}");
    assertThat(run.err()).contains("3 articles in 2 stories");
  }

  @Test
  void shouldJoinOnlyAboveTheJoinThresholdGiven(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.write(
        in,
        List.of(
            line("a", "Earthquake in Arequipa kills 14", QUAKE, "en"),
            line("c", "Sismo en Arequipa deja 14 muertos", SISMO, "es")),
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out.jsonl");

    // the two reports join at the default threshold (above); at 0.99 nothing is that alike
    CliRun run = CliRun.of("stories", "--join", "0.99", in.toString(), "-o", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "{\"id\":\"a\",\"story\":\"story-a\"}", "{\"id\":\"c\",\"story\":\"story-c\"}");
  }

  @Test
  void shouldExplainAJoinThresholdOutsideZeroToOne() {
    CliRun run = CliRun.of("stories", "--join", "1.5", "-");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--join").contains("between 0 and 1");
  }

  @Test
  void shouldExplainABadWindowAndExitWithTwo() {
    CliRun run = CliRun.of("stories", "--window", "soon", "-");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--window").contains("3d");
  }

  @Test
  void shouldReadWindowsInDaysHoursAndIso() {
    assertThat(StoriesCommand.parseDuration("--window", "3d")).isEqualTo(Duration.ofDays(3));
    assertThat(StoriesCommand.parseDuration("--window", "36h")).isEqualTo(Duration.ofHours(36));
    assertThat(StoriesCommand.parseDuration("--window", "P2D")).isEqualTo(Duration.ofDays(2));
  }

  private static String line(String id, String title, String text, String lang) {
    return "{\"id\":\""
        + id
        + "\",\"title\":\""
        + title
        + "\",\"text\":\""
        + text
        + "\",\"lang\":\""
        + lang
        + "\",\"published\":\"2026-03-03\"}";
  }
}
