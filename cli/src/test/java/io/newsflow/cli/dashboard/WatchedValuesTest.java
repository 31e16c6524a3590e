package io.newsflow.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.cli.health.ExtractionHealth;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Removal;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.Via;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading only what the health figures need (no page served) gives the same figures as reading the
 * whole article, and a dead letter's outlet comes from its original record.
 */
class WatchedValuesTest {
  final WatchedValues lean = new WatchedValues(true);
  final WatchedValues full = new WatchedValues(false);

  static EnrichedArticle article(String title, String text, String published, int removed) {
    EnrichedArticle a =
        EnrichedArticle.newBuilder(
                DashboardServerTest.article("a1", "Gazette", "en", "sovereignty"))
            .setText(text)
            .setTitle(title)
            .setPublished(published)
            .build();
    a.setRemoved(
        java.util.stream.IntStream.range(0, removed)
            .mapToObj(i -> new Removal("Share this line " + i, "rule:share"))
            .toList());
    return a;
  }

  @Test
  void shouldGiveTheSameFiguresAsTheWholeArticle() {
    List<EnrichedArticle> cases =
        List.of(
            article("A title", "One paragraph.\n\nTwo — with “quotes” and ünïcödé.", "2026", 3),
            article(null, "", null, 0),
            article("  ", "\n\n  \n\n", "", 7),
            article("T", "\n\nlead\n\n\n\ntrail\n\n", "2026-12-01", 1));
    for (EnrichedArticle a : cases) {
      byte[] bytes = Topics.ENRICHED.valueSerde().serializer().serialize("news.enriched", a);
      Object head = lean.deserialize(Topics.ENRICHED.name(), bytes);
      assertThat(head).isInstanceOf(WatchedValues.HealthHead.class);
      WatchedValues.HealthHead h = (WatchedValues.HealthHead) head;
      assertThat(h.outlet()).isEqualTo("Gazette");
      ExtractionHealth.Sample fromHead = TopicWatcher.sample(h);
      assertThat(fromHead).as(a.getText()).isEqualTo(TopicWatcher.sample(a));
      // the full reader still gives the whole article
      assertThat(full.deserialize(Topics.ENRICHED.name(), bytes)).isEqualTo(a);
    }
  }

  @Test
  void shouldCountCharactersAndParagraphsFromTheBytesAsFromTheString() {
    for (String t : CountingTest.TEXTS) {
      ByteBuffer b = ByteBuffer.wrap(t.getBytes(StandardCharsets.UTF_8));
      assertThat(TopicWatcher.paragraphs(b)).as(t).isEqualTo(TopicWatcher.paragraphs(t));
      assertThat(TopicWatcher.chars(b)).as(t).isEqualTo(t.length());
    }
    assertThat(TopicWatcher.chars(ByteBuffer.wrap("né à".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(4);
  }

  @Test
  void shouldReadADeadLettersOutletFromTheRawArticleItFailedOn() {
    RawArticle raw =
        RawArticle.newBuilder()
            .setId("r1")
            .setSource("https://gazette.example/a")
            .setOutlet("Gazette")
            .setVia(Via.PAGE)
            .setFetchedAt(Instant.parse("2026-12-01T10:00:00Z"))
            .setContentType("text/html")
            .setBody(ByteBuffer.wrap("<html></html>".getBytes(StandardCharsets.UTF_8)))
            .build();
    byte[] value = Topics.RAW.valueSerde().serializer().serialize("news.raw", raw);
    assertThat(lean.outletOfRaw(ByteBuffer.wrap(value))).isEqualTo("Gazette");
    assertThat(lean.outletOfRaw(ByteBuffer.wrap(new byte[] {1, 2, 3}))).isNull();
    assertThat(lean.outletOfRaw(null)).isNull();
    DeadLetter d =
        DeadLetter.newBuilder()
            .setStage("extract")
            .setReason("no text")
            .setArticleId("r1")
            .setTopic("news.raw")
            .setValue(ByteBuffer.wrap(value))
            .setFailedAt(Instant.now())
            .build();
    byte[] dl = Topics.DLQ.valueSerde().serializer().serialize("news.dlq", d);
    assertThat(lean.deserialize(Topics.DLQ.name(), dl)).isInstanceOf(DeadLetter.class);
  }
}
