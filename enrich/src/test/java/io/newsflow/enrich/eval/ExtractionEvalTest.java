package io.newsflow.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.ExtractorSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval run over a folder of pages (plain and gzipped) against a gold file. */
class ExtractionEvalTest {
  @TempDir Path dir;

  @Test
  void shouldScorePlainAndGzippedPagesAndWriteWhatScorePyReads() throws Exception {
    Path pages = Files.createDirectory(dir.resolve("pages"));
    try (InputStream in = getClass().getResourceAsStream("/text/story-en.html")) {
      Files.write(pages.resolve("en.html"), in.readAllBytes());
    }
    try (InputStream in = getClass().getResourceAsStream("/text/story-es.html");
        OutputStream out =
            new GZIPOutputStream(Files.newOutputStream(pages.resolve("es.html.gz")))) {
      out.write(in.readAllBytes());
    }
    Path gold = dir.resolve("gold.json");
    String esBody =
        "Ciudad de México.— El mercado de San Telmo volvió a abrir sus puertas este martes, después de dos años de obras"
            + " que obligaron a más de doscientos comerciantes a vender en la calle.";
    Files.writeString(
        gold,
        new ObjectMapper()
            .writeValueAsString(
                Map.of(
                    "en",
                        Map.of(
                            "articleBody",
                            "Councillors in Porthaven voted late on Tuesday to rebuild the town's crumbling sea wall",
                            "url",
                            "u1"),
                    "es", Map.of("articleBody", esBody, "url", "u2"),
                    "missing",
                        Map.of(
                            "articleBody",
                            "A page that is not in the folder at all.",
                            "url",
                            "u3"))),
        StandardCharsets.UTF_8);

    ExtractionEval.Result r =
        ExtractionEval.run(
            new ArticleExtractor(ExtractorSettings.defaults()),
            pages,
            ExtractionEval.readGold(gold));

    assertThat(r.missing()).isEqualTo(1);
    assertThat(r.summary().docs()).isEqualTo(3);
    assertThat(r.summary().empty()).isEqualTo(1);
    assertThat(r.pages())
        .filteredOn(p -> !p.id().equals("missing"))
        .allSatisfy(p -> assertThat(p.counts().recall()).isEqualTo(1.0));
    Path preds = dir.resolve("preds.json");
    Path perDoc = dir.resolve("per-doc.tsv");
    ExtractionEval.writePredictions(r, preds);
    ExtractionEval.writePerDoc(r, perDoc);
    JsonNode written = new ObjectMapper().readTree(preds.toFile());
    assertThat(written.path("es").path("articleBody").asText()).contains("San Telmo");
    List<String> rows = Files.readAllLines(perDoc);
    assertThat(rows.get(0)).isEqualTo("id\ttp\tfp\tfn\tprecision\trecall\tf1\texact\tpred_tokens");
    assertThat(rows).hasSize(4);
    assertThat(ExtractionEval.format(r.summary()))
        .matches(
            "F1 \\d\\.\\d{3}  precision \\d\\.\\d{3}  recall \\d\\.\\d{3}  accuracy \\d\\.\\d{3}  empty 1  docs 3");
  }

  @Test
  void shouldStripPageSuffixesFromIds() {
    assertThat(ExtractionEval.normId("abc.html.gz")).isEqualTo("abc");
    assertThat(ExtractionEval.normId("abc.htm")).isEqualTo("abc");
    assertThat(ExtractionEval.normId("abc.gz")).isEqualTo("abc");
  }
}
