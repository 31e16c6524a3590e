package io.newsflow.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-record counting the dashboard does cheaply agrees with the plain way of counting. */
class CountingTest {
  static final String[] TEXTS = {
    "one",
    "one\n\ntwo",
    "one\n\ntwo\n\n",
    "\n\none\n\n\n\ntwo\n\n\n\n",
    "a\n\n\nb",
    "a\nb\n\nc\n",
    "  lead and trail  ",
    "tab\tseparated\nwords and  double  spaces"
  };

  @Test
  void shouldCountParagraphsAsSplittingOnBlankLinesDoes() {
    for (String t : TEXTS) {
      assertThat(TopicWatcher.paragraphs(t)).as(t).isEqualTo(t.split("\n\n").length);
    }
    assertThat(TopicWatcher.paragraphs("  \n\n ")).isZero();
  }

  @Test
  void shouldCountWordsAsRunsOfNonSpace() {
    for (String t : TEXTS) {
      assertThat(DashboardState.words(t)).as(t).isEqualTo(t.strip().split("\\s+").length);
    }
    assertThat(DashboardState.words(" \n ")).isZero();
  }

  @Test
  void shouldBucketRatesByTheEventsOwnTime() {
    RateSeries r = new RateSeries(Duration.ofSeconds(2), 5);
    Instant now = Instant.parse("2026-12-07T03:00:10Z");
    r.add(now);
    r.add(now.minusSeconds(1));
    r.add(now.minusSeconds(4));
    r.add(now.minusSeconds(60)); // outside the window
    double[] v = r.perSecond(now);
    assertThat(v).containsExactly(0, 0, 0.5, 0.5, 0.5);
    // a minute later the ring's slots hold newer buckets and the old counts are gone
    Instant later = now.plusSeconds(60);
    r.add(later);
    assertThat(r.perSecond(later)).containsExactly(0, 0, 0, 0, 0.5);
  }
}
