package io.newsflow.enrich.text.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.Extraction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An invented outlet, "The Harbor Ledger", whose own standing line no rule knows. */
class OutletLineLearnerTest {
  private static final String OUTLET = "harbor-ledger.example";
  private static final String HOUSE_LINE =
      "The Harbor Ledger has told the stories of the bay since 1921, independently.";
  private static final String[] WORDS = {
    "council", "harbour", "ferry", "storm", "market", "school", "bridge", "mayor", "river",
        "festival", "budget", "road",
    "fishermen", "teachers", "voted", "opened", "closed", "rebuilt", "announced", "delayed", "the",
        "a", "new", "old"
  };

  private static String sentence(Random r) {
    StringBuilder sb = new StringBuilder("The");
    for (int i = 0; i < 18; i++) {
      sb.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
    }
    return sb.append('.').toString();
  }

  private static Extraction article(Random r, boolean withHouseLine) {
    List<String> p = new ArrayList<>(List.of(sentence(r), sentence(r), sentence(r)));
    if (withHouseLine) {
      p.add(HOUSE_LINE);
    }
    return new Extraction(
        "A story", p, List.of(), "en", null, null, List.of(), null, null, null, null);
  }

  @Test
  void shouldDropOutletsRecurringLineAfterEnoughArticles() {
    InMemoryLineStats stats = new InMemoryLineStats();
    OutletLineLearner learner = new OutletLineLearner(stats, OutletLineLearner.Settings.defaults());
    Random r = new Random(42);
    List<Boolean> kept = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Extraction out = learner.apply(OUTLET, article(r, true));
      kept.add(out.paragraphs().contains(HOUSE_LINE));
      assertThat(out.paragraphs()).hasSizeGreaterThanOrEqualTo(3);
    }
    assertThat(kept.subList(0, 5)).containsOnly(true);
    assertThat(kept.subList(5, 12)).containsOnly(false);
    Extraction last = learner.apply(OUTLET, article(r, true));
    assertThat(last.removed())
        .anyMatch(x -> x.text().equals(HOUSE_LINE) && x.reason().equals(OutletLineLearner.REASON));
  }

  @Test
  void shouldNotLearnFromOtherOutletsOrFromResentCopies() {
    InMemoryLineStats stats = new InMemoryLineStats();
    OutletLineLearner learner = new OutletLineLearner(stats, OutletLineLearner.Settings.defaults());
    Random r = new Random(1);
    Extraction same = article(r, true);
    for (int i = 0; i < 20; i++) {
      learner.apply(OUTLET, same);
      learner.apply("other-" + i + ".example", article(r, true));
    }
    assertThat(learner.apply(OUTLET, article(r, true)).paragraphs()).contains(HOUSE_LINE);
  }

  @Test
  void shouldForgetLinesTheOutletStoppedUsing() {
    InMemoryLineStats stats = new InMemoryLineStats();
    OutletLineLearner learner =
        new OutletLineLearner(stats, new OutletLineLearner.Settings(5, 0.2, 20, 3, 1024));
    Random r = new Random(3);
    for (int i = 0; i < 10; i++) {
      learner.apply(OUTLET, article(r, true));
    }
    for (int i = 0; i < 120; i++) {
      learner.apply(OUTLET, article(r, false));
    }
    assertThat(learner.apply(OUTLET, article(r, true)).paragraphs()).contains(HOUSE_LINE);
  }

  @Test
  void shouldKeepMemoryBoundedHoweverManyLinesItSees() {
    InMemoryLineStats stats = new InMemoryLineStats();
    OutletLineLearner learner = new OutletLineLearner(stats, OutletLineLearner.Settings.defaults());
    Random r = new Random(5);
    learner.apply(OUTLET, article(r, true));
    int first = stats.bytes(OUTLET);
    for (int i = 0; i < 5_000; i++) {
      learner.apply(OUTLET, article(r, false));
    }
    assertThat(stats.bytes(OUTLET)).isEqualTo(first).isLessThan(16 * 1024);
  }

  @Test
  void shouldNeverEmptyAnArticle() {
    InMemoryLineStats stats = new InMemoryLineStats();
    OutletLineLearner learner = new OutletLineLearner(stats, OutletLineLearner.Settings.defaults());
    Random r = new Random(9);
    Extraction onlyHouse =
        new Extraction(
            "t",
            List.of(HOUSE_LINE),
            List.of(),
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null);
    for (int i = 0; i < 10; i++) {
      learner.apply(OUTLET, article(r, true));
    }
    assertThat(learner.apply(OUTLET, onlyHouse).paragraphs()).containsExactly(HOUSE_LINE);
  }

  @Test
  void shouldRoundTripSketchBytes() {
    LineSketch s = new LineSketch(3, 256, 10);
    s.addArticle(7, new long[] {1, 2, 3});
    LineSketch back = LineSketch.fromBytes(s.toBytes());
    assertThat(back).isEqualTo(s);
    assertThat(back.estimate(2)).isEqualTo(1);
    assertThat(back.addArticle(7, new long[] {1})).isFalse();
  }
}
