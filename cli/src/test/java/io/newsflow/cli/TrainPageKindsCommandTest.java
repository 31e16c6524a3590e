package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow train-page-kinds}: the refit itself is checked by enrich's PageKindTrainingTest.
 */
class TrainPageKindsCommandTest {
  @Test
  void shouldSayWhereToRunItWhenThePagesAreNotBesideIt(@TempDir Path dir) throws Exception {
    Path root = Files.createDirectories(dir.resolve("a/b"));

    CliRun run = CliRun.of("train-page-kinds", "--project", root.toString(), "--write");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("run it from the project root with ../shared beside it");
    assertThat(root.resolve("enrich")).doesNotExist();
  }

  @Test
  void shouldExplainItsOptions() {
    CliRun run = CliRun.of("train-page-kinds", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--write", "--errors", "page-kinds.json");
  }
}
