package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow bench pipeline}'s options, without running a replay. */
class BenchCommandTest {
  @TempDir Path work;

  @Test
  void shouldExplainItsOptionsInHelp() {
    CliRun run = CliRun.of("bench", "pipeline", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--pages", "--copies", "--generate", "--archive", "--warm", "--no-extractor");
  }

  @Test
  void shouldRefuseARunWithoutACorpus() {
    CliRun run = CliRun.of("bench", "pipeline", "--work", work.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--pages", "--generate", "--archive");
  }

  @Test
  void shouldRefuseTwoCorporaAtOnce() {
    CliRun run = CliRun.of("bench", "pipeline", "--generate", "5", "--archive", work.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("mutually exclusive");
  }

  @Test
  void shouldSayWhatIsWrongWithAFolderThatIsNotThere() {
    CliRun run =
        CliRun.of(
            "bench",
            "pipeline",
            "--pages",
            work.resolve("missing").toString(),
            "--work",
            work.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("--pages wants a folder of pages");
  }
}
