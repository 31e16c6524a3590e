package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.sink.ArticleWriter.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerTest {
  final Tracker tracker = new Tracker();

  @Test
  void shouldCountEachArticleOnceAtItsFirstEndAndIgnoreOtherRuns() {
    tracker.expect("a1");
    tracker.expect("a2");
    tracker.expect("a3");
    tracker.expect("a1"); // the same id twice in an archive is one article still on its way

    tracker.sunk(
        CliRun.article("a1", "T", "Text about a story.", "intervention", "story"), Outcome.WRITTEN);
    tracker.sunk(
        CliRun.article("a1", "T", "Text about a story.", "intervention", "story"), Outcome.WRITTEN);
    tracker.sunk(
        CliRun.article("zz", "T", "Not of this run.", "sovereignty", "run"), Outcome.WRITTEN);
    tracker.dead(letter("a2", "extract-article", "empty body"));

    assertThat(tracker.expectedCount()).isEqualTo(3);
    assertThat(tracker.done()).isEqualTo(2);
    assertThat(tracker.missing()).isEqualTo(1);
    assertThat(tracker.enriched()).isEqualTo(1);
    assertThat(tracker.outcomes()).isEqualTo(Map.of(Outcome.WRITTEN, 1));
    assertThat(tracker.tagCounts()).isEqualTo(Map.of("intervention", 1));
    assertThat(tracker.deadByReason()).isEqualTo(Map.of("extract-article: empty body", 1));
  }

  @Test
  void shouldCountPagesThatAreNotNewsByKind() {
    tracker.expect("p1");
    var page = CliRun.article("p1", "Section", "A list of links.", "intervention", "links");
    page.setPageKind("listing");

    tracker.page(page);

    assertThat(tracker.done()).isEqualTo(1);
    assertThat(tracker.pageKinds()).isEqualTo(Map.of("listing", 1));
    assertThat(tracker.enriched()).isZero();
  }

  @Test
  void shouldMeasureHowFarTheNewestArticleSentIsPastTheOldestStillOnItsWay() {
    Tracker inOrder = Tracker.inSendOrder();
    assertThat(inOrder.ahead()).isZero();
    inOrder.expect("a1");
    inOrder.expect("a2");
    inOrder.expect("a3");
    assertThat(inOrder.ahead()).isEqualTo(3);

    // a later article's end does not move the oldest one on its way
    inOrder.sunk(
        CliRun.article("a2", "T", "Text about a story.", "intervention", "story"), Outcome.WRITTEN);
    assertThat(inOrder.ahead()).isEqualTo(3);
    // the oldest reaches an end: the distance is counted from the next one still on its way
    inOrder.dead(letter("a1", "extract-article", "empty body"));
    assertThat(inOrder.ahead()).isEqualTo(1);
    inOrder.expect("a4");
    assertThat(inOrder.ahead()).isEqualTo(2);
    inOrder.sunk(
        CliRun.article("a3", "T", "Text about a story.", "intervention", "story"), Outcome.WRITTEN);
    inOrder.sunk(
        CliRun.article("a4", "T", "Text about a story.", "intervention", "story"), Outcome.WRITTEN);
    assertThat(inOrder.ahead()).isZero();
  }

  private static DeadLetter letter(String id, String stage, String reason) {
    return DeadLetter.newBuilder()
        .setArticleId(id)
        .setStage(stage)
        .setReason(reason)
        .setFailedAt(java.time.Instant.now())
        .build();
  }
}
