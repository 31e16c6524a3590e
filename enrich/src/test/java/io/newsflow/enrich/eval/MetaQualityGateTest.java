package io.newsflow.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.ExtractorSettings;
import io.newsflow.enrich.text.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Keeps the metadata and page-kind figures reached on the WCXB development pages (see
 * docs/extraction.md): floors a little below the measured figures, on each split.
 */
class MetaQualityGateTest {
  @Test
  void shouldKeepTheMetadataAndPageKindFiguresOnBothSplits() throws Exception {
    Path shared = SharedData.sharedDir();
    Assumptions.assumeTrue(shared != null, "../shared is not there");
    Path dir = shared.resolve("bench/extraction/wcxb-dev");
    Assumptions.assumeTrue(Files.isDirectory(dir.resolve("html")), "no wcxb-dev pages");
    var gold = MetaEval.readGold(dir.resolve("ground-truth.json"));
    ArticleExtractor x = new ArticleExtractor(ExtractorSettings.defaults());

    MetaEval.Result dev = MetaEval.run(x, dir.resolve("html"), gold, MetaEval.Split.DEV);
    MetaEval.Result val = MetaEval.run(x, dir.resolve("html"), gold, MetaEval.Split.VALIDATION);

    // measured dev / validation (1.8.0, page kinds refitted on its metadata code): title
    // 0.784 / 0.730, published 0.874 / 0.829, authors 0.699 / 0.719, not-an-article recall
    // 0.673 (in-sample) / 0.736 at precision 0.997 / 0.925, articles kept out 1 of 504 / 12 of
    // 207 (1.5.0 to 1.7.0: title 0.786 / 0.730, published 0.856 / 0.824, authors 0.680 / 0.697,
    // recall 0.688 / 0.741 at 0.997 / 0.920, 13 of 207 articles out)
    assertThat(dev.meta().tally("title").share()).isGreaterThan(0.775);
    assertThat(val.meta().tally("title").share()).isGreaterThan(0.72);
    assertThat(dev.meta().tally("published").share()).isGreaterThan(0.865);
    assertThat(val.meta().tally("published").share()).isGreaterThan(0.815);
    assertThat(dev.meta().tally("authors").share()).isGreaterThan(0.69);
    assertThat(val.meta().tally("authors").share()).isGreaterThan(0.705);
    // 1.10.0: 0.668 / 0.726 after the refit that five more dated news articles brought (five-fold
    // 304 -> 303 of 446): the fit moves by a page or two when a few training pages change, so the
    // floor sits one more page below
    assertThat(dev.meta().notArticleRecall()).isGreaterThan(0.66);
    assertThat(val.meta().notArticleRecall()).isGreaterThan(0.725);
    assertThat(dev.meta().notArticlePrecision()).isGreaterThan(0.97);
    assertThat(val.meta().notArticlePrecision()).isGreaterThan(0.90);
    assertThat(dev.meta().articlesKeptOut(dev.articles())).isLessThan(0.01);
    assertThat(val.meta().articlesKeptOut(val.articles())).isLessThan(0.065);
    // article bodies (1.6.0): 0.943 / 0.926 (1.5.0: 0.934 / 0.920)
    assertThat(dev.articleBodies().f1()).isGreaterThan(0.935);
    assertThat(val.articleBodies().f1()).isGreaterThan(0.918);
  }
}
