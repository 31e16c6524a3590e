package io.newsflow.ingest.canon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlCanonTest {
  @Test
  void shouldGiveOneSpellingToTheSameArticle() {
    String canon = "https://news.example/world/story?id=7";
    assertThat(UrlCanon.canonicalize("HTTPS://News.Example:443/world/./story?id=7#comments"))
        .isEqualTo(canon);
    assertThat(
            UrlCanon.canonicalize(
                "https://news.example/world/story?utm_source=rss&id=7&utm_medium=feed&fbclid=abc"))
        .isEqualTo(canon);
    assertThat(UrlCanon.canonicalize("https://news.example/a/../world/story?id=7&gclid=x"))
        .isEqualTo(canon);
  }

  @Test
  void shouldKeepMeaningfulParametersInOrderAndNonDefaultPorts() {
    assertThat(UrlCanon.canonicalize("http://news.example:8080/s?b=2&a=1"))
        .isEqualTo("http://news.example:8080/s?b=2&a=1");
    assertThat(UrlCanon.canonicalize("http://news.example:80")).isEqualTo("http://news.example/");
  }

  @Test
  void shouldWriteInternationalHostsAsPunycode() {
    assertThat(UrlCanon.canonicalize("https://bücher.example/x"))
        .isEqualTo("https://xn--bcher-kva.example/x");
  }

  @Test
  void shouldRejectWhatIsNotAnHttpUrl() {
    assertThatThrownBy(() -> UrlCanon.canonicalize("mailto:editor@news.example"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UrlCanon.canonicalize("/relative"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(UrlCanon.resolve("https://news.example/a/", "javascript:void(0)")).isNull();
    assertThat(UrlCanon.resolve("https://news.example/a/", "b?utm_campaign=x"))
        .isEqualTo("https://news.example/a/b");
  }

  @Test
  void shouldUseRelCanonicalOnlyWhenItStaysOnTheSite() {
    String own = "<html><head><link rel=\"canonical\" href=\"/world/story\"></head></html>";
    String foreign =
        "<html><head><link rel=canonical href=\"https://other.example/story\"></head></html>";
    assertThat(UrlCanon.relCanonical(own, "https://www.news.example/world/story?utm_source=x"))
        .isEqualTo("https://www.news.example/world/story");
    assertThat(UrlCanon.relCanonical(foreign, "https://news.example/world/story")).isNull();
  }
}
