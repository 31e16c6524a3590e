package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow bench pipeline} on a tiny generated corpus: the report has all its fields. */
class BenchPipelineIT {
  @TempDir Path work;

  @Test
  void shouldPrintEveryFigureOfTheReport() throws Exception {
    CliRun run =
        CliRun.of("bench", "pipeline", "--generate", "12", "--work", work.toString(), "-q");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String out = run.out();
    assertThat(out).contains("newsflow bench pipeline");
    assertThat(out)
        .containsPattern("corpus +\\S+generated-events-12-2000-a-day\\.jsonl \\(12 pages\\)");
    assertThat(out).containsPattern("replay +[0-9.]+ s, [0-9.]+ pages/s \\(start-up [0-9.]+ s");
    assertThat(out)
        .containsPattern("cpu +[0-9.]+ s of [0-9.]+ available \\(\\d+% of \\d+ cores\\)");
    for (Measure.Stage stage : Measure.Stage.values()) {
      assertThat(out)
          .containsPattern("\\n +" + java.util.regex.Pattern.quote(stage.label) + " +[0-9.]+ ");
    }
    assertThat(out).containsPattern("peak heap in use +\\d+ MB");
    assertThat(out)
        .containsPattern(
            "heap after GC +(median \\d+ MB, 90th percentile \\d+ MB, largest \\d+ MB \\(\\d+"
                + " collections\\)|no collection during the replay)");
    assertThat(out).containsPattern("peak RSS +\\d+ MB");
    assertThat(out).containsPattern("extractor alone +[0-9.]+ pages/s");
    assertThat(out).containsPattern("pipeline/extractor +[0-9.]+x");
    // the replay it measured is a real one: every generated article reached the sink
    assertThat(Files.readAllLines(work.resolve("out/articles.jsonl"))).hasSize(12);
  }
}
