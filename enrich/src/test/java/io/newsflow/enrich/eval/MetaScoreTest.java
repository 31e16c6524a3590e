package io.newsflow.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The metadata metric scores as score_meta.py does. */
class MetaScoreTest {
  @Test
  void shouldCompareTitlesWithoutCaseOrSpacingButKeepEntitiesAsErrors() {
    MetaScore s = new MetaScore();
    s.add("a", gold("Bridge  Reopens", null, null), pred("bridge reopens", List.of(), null));
    s.add("b", gold("Fish & Chips", null, null), pred("Fish &amp; Chips", List.of(), null));
    assertThat(s.tally("title")).isEqualTo(new MetaScore.Tally(1, 2));
  }

  @Test
  void shouldCompareTheCalendarDayOnly() {
    MetaScore s = new MetaScore();
    s.add("a", gold(null, null, "2026-11-20"), pred(null, List.of(), "2026-11-20T23:10:00-05:00"));
    s.add("b", gold(null, null, "2026-11-20"), pred(null, List.of(), "Nov 20, 2026"));
    assertThat(s.tally("published")).isEqualTo(new MetaScore.Tally(1, 2));
  }

  @Test
  void shouldCompareAuthorsAsSetsOfNamesSplitLikeTheGold() {
    MetaScore s = new MetaScore();
    s.add(
        "a",
        gold(null, "Ana Ruiz and Tom Bell", null),
        pred(null, List.of("Tom Bell", "Ana Ruiz"), null));
    s.add("b", gold(null, "Ana Ruiz y Tom Bell", null), pred(null, List.of("Ana Ruiz"), null));
    assertThat(s.tally("authors")).isEqualTo(new MetaScore.Tally(1, 2));
    assertThat(s.tally("authors_any")).isEqualTo(new MetaScore.Tally(2, 2));
  }

  @Test
  void shouldScorePageKindsAsArticleOrNot() {
    MetaScore s = new MetaScore();
    s.add("a", kind("article"), new MetaScore.Predicted(null, List.of(), null, "article"));
    s.add("b", kind("listing"), new MetaScore.Predicted(null, List.of(), null, "other"));
    s.add("c", kind("product"), new MetaScore.Predicted(null, List.of(), null, "article"));
    s.add("d", kind("article"), new MetaScore.Predicted(null, List.of(), null, "listing"));
    assertThat(s.kindAccuracy()).isEqualTo(0.5);
    assertThat(s.notArticlePrecision()).isEqualTo(0.5);
    assertThat(s.notArticleRecall()).isEqualTo(0.5);
    assertThat(s.articlesCalledOther()).isEqualTo(1);
  }

  @Test
  void shouldSplitPagesForEverByTheirIdAlone() {
    long validation =
        java.util.stream.IntStream.rangeClosed(1, 1000)
            .mapToObj(i -> String.format("%04d", i))
            .filter(MetaEval::isValidation)
            .count();
    assertThat(validation).isBetween(250L, 350L);
    assertThat(MetaEval.isValidation("0001")).isEqualTo(MetaEval.isValidation("0001"));
    assertThat(MetaEval.Split.DEV.contains("0001")).isNotEqualTo(MetaEval.isValidation("0001"));
  }

  private static MetaScore.Gold gold(String title, String author, String published) {
    return new MetaScore.Gold(title, author, published, null);
  }

  private static MetaScore.Gold kind(String pageType) {
    return new MetaScore.Gold(null, null, null, pageType);
  }

  private static MetaScore.Predicted pred(String title, List<String> authors, String published) {
    return new MetaScore.Predicted(title, authors, published, null);
  }
}
