package io.newsflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.RawSink;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Via;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderReplayTest {
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
  void shouldReplayTextAndHtmlRecursivelyAndReportOtherFiles(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("a.txt"), "Headline\n\nBody.");
    Files.writeString(dir.resolve("sub/b.html"), "<html><body><p>Hi</p></body></html>");
    Files.writeString(dir.resolve("notes.md"), "# not an article");

    ReplayReport report =
        new FolderReplay(ReplaySettings.defaults()).replay(dir, sink, (d, t) -> {});

    assertThat(articles).extracting(RawArticle::getSource).containsExactly("a.txt", "sub/b.html");
    assertThat(articles)
        .extracting(RawArticle::getContentType)
        .containsExactly("text/plain", "text/html");
    assertThat(articles).allSatisfy(a -> assertThat(a.getVia()).isEqualTo(Via.REPLAY));
    assertThat(report.skippedExamples()).containsExactly("notes.md");
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.produced()).isEqualTo(2);
  }

  @Test
  void shouldCountEverySkippedFileAndNameOnlyTheFirstFew(@TempDir Path dir) throws Exception {
    int files = ReplayReport.EXAMPLES + 5;
    for (int i = 0; i < files; i++) {
      Files.writeString(dir.resolve("notes-" + i + ".md"), "# not an article");
    }

    ReplayReport report =
        new FolderReplay(ReplaySettings.defaults()).replay(dir, sink, (d, t) -> {});

    assertThat(report.skipped()).isEqualTo(files);
    assertThat(report.skippedExamples()).hasSize(ReplayReport.EXAMPLES);
    assertThat(report.total()).isZero();
  }

  @Test
  void shouldGiveTheSameIdsWhenTheSameFolderIsReplayedAgain(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "Same story");
    FolderReplay replay = new FolderReplay(ReplaySettings.defaults());

    replay.replay(dir, sink, (d, t) -> {});
    replay.replay(dir, sink, (d, t) -> {});

    assertThat(articles).hasSize(2);
    assertThat(articles.get(1).getId()).isEqualTo(articles.get(0).getId());
    assertThat(articles.get(0).getFetchedAt()).isEqualTo(articles.get(1).getFetchedAt());
  }

  @Test
  void shouldDeadLetterAFileOverTheSizeCapInsteadOfDroppingIt(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("big.html"), new byte[2048]);

    ReplayReport report =
        new FolderReplay(new ReplaySettings(1024, null)).replay(dir, sink, (d, t) -> {});

    assertThat(articles).isEmpty();
    assertThat(dead)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getStage()).isEqualTo("ingest");
              assertThat(d.getSource()).isEqualTo("big.html");
              assertThat(d.getReason()).contains("over the cap");
            });
    assertThat(report.deadLettered()).isEqualTo(1);
  }

  @Test
  void shouldLeaveTheCharsetOpenWhenATextFileIsNotUtf8(@TempDir Path dir) throws Exception {
    Files.write(
        dir.resolve("latin1.txt"), "Año de la soberanía".getBytes(StandardCharsets.ISO_8859_1));

    new FolderReplay(ReplaySettings.defaults()).replay(dir, sink, (d, t) -> {});

    assertThat(articles).singleElement().satisfies(a -> assertThat(a.getCharset()).isNull());
  }
}
