package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.sink.file.FileFormat;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

  @Test
  void shouldShowTitleOutletTimeAndEachTagWithItsEvidence() {
    String text =
        ArticleText.format(
            Articles.tagged(
                "a1", 2, "Troops crossed the border at dawn.", "intervention", "Troops crossed"));

    assertThat(text)
        .startsWith("Title a1\n")
        .contains("Test Outlet | 2026-11-20T10:00:00Z | en | id a1 v2")
        .contains("tag intervention 0.90: \"Troops crossed\" [text 0-14, cue:Troops crossed]");
  }

  @Test
  void shouldSayWhenAnArticleHasNoTagsOrTitle() {
    var a = Articles.article("a2", 1, "Body.");
    a.setTitle(null);

    assertThat(ArticleText.format(a)).startsWith("(no title)\n").contains("tags: none");
  }

  @Test
  void shouldReadSinkSettingsFromTheSharedConfigurationAndIgnoreOtherKeys() {
    SinkConfig c =
        new SinkConfig(
            Map.of(
                "sink.format",
                "avro",
                "sink.postgres.url",
                "jdbc:postgresql://db:5432/news",
                "sink.postgres.user",
                "newsflow",
                "sink.postgres.password",
                "secret",
                "bootstrap.servers",
                "x:9092"));

    assertThat(c.files(Path.of("out")).format()).isEqualTo(FileFormat.AVRO);
    assertThat(c.files(Path.of("out")).latestView()).isFalse();
    assertThat(c.postgres())
        .hasValueSatisfying(
            pg -> {
              assertThat(pg.user()).isEqualTo("newsflow");
              assertThat(pg.password()).isEqualTo("secret");
              assertThat(pg.toString()).doesNotContain("secret");
            });
    assertThat(new SinkConfig(Map.of()).postgres()).isEmpty();
  }
}
