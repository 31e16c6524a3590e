package io.newsflow.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.text.SharedData;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Java metric against score.py on the fixture gold/predictions in src/test/resources/text/eval.
 */
class ShingleScoreTest {
  private static Path resource(String name) throws Exception {
    return Path.of(ShingleScoreTest.class.getResource("/text/eval/" + name).toURI());
  }

  private static ShingleScore.Summary javaSummary() throws Exception {
    Map<String, String> gold = ExtractionEval.readGold(resource("gold.json"));
    Map<String, String> preds = ExtractionEval.readGold(resource("preds.json"));
    List<ShingleScore.Counts> counts = new ArrayList<>();
    gold.forEach((id, g) -> counts.add(ShingleScore.score(g, preds.getOrDefault(id, ""))));
    return ShingleScore.summarize(counts);
  }

  @Test
  void shouldEqualScorePyFiguresRecordedForTheFixture() throws Exception {
    // python3 score.py --gt gold.json preds.json gave these (evaluate() without bootstrap noise)
    ShingleScore.Summary s = javaSummary();
    assertThat(s.f1()).isCloseTo(0.7686810805605047, within(1e-12));
    assertThat(s.precision()).isCloseTo(0.8892156862745098, within(1e-12));
    assertThat(s.recall()).isCloseTo(0.676923076923077, within(1e-12));
    assertThat(s.accuracy()).isCloseTo(0.2, within(1e-12));
    assertThat(s.empty()).isEqualTo(1);
    assertThat(s.docs()).isEqualTo(5);
  }

  @Test
  void shouldEqualScorePyWhenItCanBeRun() throws Exception {
    Path shared = SharedData.sharedDir();
    assumeTrue(
        shared != null && Files.exists(shared.resolve("bench/extraction/score.py")),
        "score.py not found");
    Path out = Files.createTempFile("score", ".json");
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "python3",
                  shared.resolve("bench/extraction/score.py").toString(),
                  "--gt",
                  resource("gold.json").toString(),
                  resource("preds.json").toString(),
                  "--n-bootstrap",
                  "2",
                  "--json",
                  out.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (java.io.IOException noPython) {
      assumeTrue(false, "python3 not available");
      return;
    }
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "score.py did not run");
    JsonNode m = new ObjectMapper().readTree(new File(out.toString())).path("preds");
    ShingleScore.Summary s = javaSummary();
    assertThat(s.f1()).isCloseTo(m.path("f1").asDouble(), within(1e-9));
    assertThat(s.precision()).isCloseTo(m.path("precision").asDouble(), within(1e-9));
    assertThat(s.recall()).isCloseTo(m.path("recall").asDouble(), within(1e-9));
    assertThat(s.accuracy()).isCloseTo(m.path("accuracy").asDouble(), within(1e-9));
    assertThat(s.empty()).isEqualTo(m.path("n_empty_pred").asInt());
    Files.deleteIfExists(out);
  }

  @Test
  void shouldTokenizeLikePythonsWordClass() {
    assertThat(ShingleScore.tokenize("naïve café, 1,200 ½ snake_case — ¿qué?"))
        .containsExactly("naïve", "café", "1", "200", "½", "snake_case", "qué");
  }

  @Test
  void shouldScoreShortTextsAsOneShingle() {
    ShingleScore.Counts c = ShingleScore.score("Short one.", "Short one.");
    assertThat(c.exact()).isTrue();
    assertThat(c.f1()).isEqualTo(1.0);
  }
}
