package io.newsflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.RawSink;
import io.newsflow.ingest.monitor.WarcRecorder;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReplayTest {
  final List<RawArticle> articles = new ArrayList<>();
  final List<DeadLetter> dead = new ArrayList<>();
  final RawSink sink =
      new RawSink() {
        @Override
        public void article(RawArticle a) {
          articles.add(a);
        }

        @Override
        public void deadLetter(DeadLetter d) {
          dead.add(d);
        }
      };

  @Test
  void shouldReplayWhatTheMonitorRecordedToWarc(@TempDir Path dir) throws Exception {
    Path warc = dir.resolve("run.warc.gz");
    Instant at = Instant.parse("2026-03-02T10:00:00Z");
    try (WarcRecorder recorder = new WarcRecorder(warc)) {
      recorder.fetched(
          "https://news.example/a?utm_source=x",
          at,
          200,
          "text/html; charset=utf-8",
          "<html><p>Élection</p></html>".getBytes(StandardCharsets.UTF_8));
      recorder.fetched("https://news.example/logo.png", at, 200, "image/png", new byte[] {1, 2, 3});
    }
    ReplayReport r = ArchiveReplay.replay(warc, ReplaySettings.defaults(), sink, (d, t) -> {});
    assertThat(articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getId()).isEqualTo(ArticleIds.forUrl("https://news.example/a"));
              assertThat(a.getSource()).isEqualTo("https://news.example/a");
              assertThat(a.getFetchedAt()).isEqualTo(at);
              assertThat(a.getCharset()).isEqualTo("UTF-8");
              assertThat(StandardCharsets.UTF_8.decode(a.getBody()).toString())
                  .contains("Élection");
            });
    assertThat(r.skippedExamples()).singleElement().asString().contains("image/png");
    assertThat(r.skipped()).isEqualTo(1);
  }

  @Test
  void shouldReplayJsonLinesAndDeadLetterEachBadLine(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("archive.jsonl");
    Files.writeString(
        jsonl,
        String.join(
            "\n",
            "{\"url\": \"https://news.example/a#top\", \"html\": \"<p>A</p>\", \"fetched_at\": \"2026-03-02T10:00:00Z\"}",
            "{\"url\": \"https://news.example/b\", \"text\": \"Plain B\", \"fetched_at\": 1772445600000}",
            "",
            "{\"url\": \"https://news.example/c\"}",
            "{not json",
            "{\"html\": \"<p>no url</p>\"}"));
    ReplayReport r = ArchiveReplay.replay(jsonl, ReplaySettings.defaults(), sink, (d, t) -> {});
    assertThat(articles)
        .extracting(RawArticle::getSource)
        .containsExactly("https://news.example/a", "https://news.example/b");
    assertThat(articles.get(1).getContentType()).isEqualTo("text/plain");
    assertThat(r.deadLettered()).isEqualTo(3);
    assertThat(dead)
        .extracting(DeadLetter::getReason)
        .satisfiesExactly(
            x -> assertThat(x).isEqualTo("neither html nor text"),
            x -> assertThat(x).startsWith("line is not JSON"),
            x -> assertThat(x).startsWith("no usable url"));
    assertThat(dead.get(0).getSource()).isEqualTo("archive.jsonl:4");
  }
}
