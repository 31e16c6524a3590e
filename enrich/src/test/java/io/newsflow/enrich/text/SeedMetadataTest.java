package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seed corpus replayed through {@link ArticleExtractor}: general properties of the metadata
 * every scraped article must have, not one expected value per file.
 */
class SeedMetadataTest {
  private static final ArticleExtractor EXTRACTOR =
      new ArticleExtractor(ExtractorSettings.defaults());

  private static List<Extraction> replaySeeds() throws Exception {
    List<Extraction> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(SharedData.seeds())) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        out.add(
            EXTRACTOR.extract(
                Files.readAllBytes(p), "UTF-8", "text/plain", p.getFileName().toString()));
      }
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  @Test
  void shouldGiveEverySeedWellFormedMetadata() throws Exception {
    for (Extraction e : replaySeeds()) {
      if (e.title() != null) {
        assertThat(e.title()).isNotBlank().isNotIn(e.paragraphs());
      }
      if (e.dateline() != null) {
        // the place only: no agency in parentheses, no dash, colon or comma at the end, no
        // sentence period (an abbreviation such as "N.Y." keeps its own)
        assertThat(e.dateline())
            .doesNotContain("(")
            .doesNotMatch(".*[\\s,:;\\-—–]$")
            .doesNotMatch(".*\\p{L}{3,}\\.$");
        assertThat(e.paragraphs().get(0)).startsWith(e.dateline());
      }
      if (e.siteName() != null) {
        assertThat(e.siteName()).isNotBlank().hasSizeLessThan(60).doesNotContain("(", ")");
      }
      if (e.published() != null) {
        assertThat(e.published()).matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}.*)?");
      }
      assertThat(e.authors())
          .doesNotHaveDuplicates()
          .allSatisfy(a -> assertThat(a).doesNotStartWith("By ").doesNotContainPattern("\\d"));
    }
  }

  @Test
  void shouldFindADatelineAndAnOutletInTheCorpus() throws Exception {
    List<Extraction> seeds = replaySeeds();
    assertThat(seeds).anyMatch(e -> e.dateline() != null);
    assertThat(seeds).anyMatch(e -> e.siteName() != null);
  }
}
