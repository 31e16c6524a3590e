package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow train-tagger}: retrains the article-level models from the project's data. */
class TrainTaggerCommandTest {
  /** The project root, seen from the cli module's folder (where Maven runs its tests). */
  private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void shouldReproduceTheShippedModelsFromTheRepositorysDataWithoutWritingByDefault(
      @TempDir Path dir) throws Exception {
    assumeTrue(
        Files.exists(PROJECT.resolve("../shared/bench/tagging/dev.jsonl")),
        "../shared is not beside the project");
    Path shipped = PROJECT.resolve("enrich/src/main/resources/taxonomy/topics.json");
    Path copy = Files.copy(shipped, dir.resolve("topics.json"));

    CliRun dry =
        CliRun.of("train-tagger", "--project", PROJECT.toString(), "--taxonomy", copy.toString());

    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("sovereignty:", "intervention:", "5-fold cross-validation", "nothing written");
    assertThat(Files.readString(copy)).isEqualTo(Files.readString(shipped));

    CliRun written =
        CliRun.of(
            "train-tagger",
            "--project",
            PROJECT.toString(),
            "--taxonomy",
            copy.toString(),
            "--write");

    assertThat(written.exitCode()).as(written.err()).isZero();
    // the shipped models were written by this command from the same data: training is
    // deterministic, so it gives them back byte for byte
    assertThat(Files.readString(copy)).isEqualTo(Files.readString(shipped));
  }

  @Test
  void shouldSayWhereToRunItWhenTheDataIsNotBesideIt(@TempDir Path dir) {
    CliRun run = CliRun.of("train-tagger", "--project", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("run it from the project root with ../shared beside it");
  }
}
