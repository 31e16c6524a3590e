package io.newsflow.enrich.text.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PageKindsTest {
  @Test
  void shouldReadTheShapeOfAStorysAddress() {
    PageKinds.UrlShape u =
        PageKinds.UrlShape.of(
            "https://example.org/world/2026/11/20/bridge-reopens-after-storm.html");

    assertThat(u.depth()).isEqualTo(5);
    assertThat(u.slugWords()).isEqualTo(4);
    assertThat(u.dated()).isTrue();
    assertThat(u.numericTail()).isFalse();
    assertThat(u.query()).isFalse();
  }

  @Test
  void shouldTellAFrontAProductNumberAndASearchFromAStorysAddress() {
    assertThat(PageKinds.UrlShape.of("https://example.org/").depth()).isZero();
    assertThat(PageKinds.UrlShape.of("https://shop.example.org/itm/365999454668").numericTail())
        .isTrue();
    assertThat(PageKinds.UrlShape.of("https://example.org/search?q=storm").query()).isTrue();
    assertThat(PageKinds.UrlShape.of("https://example.org/politics/").slugWords()).isEqualTo(1);
  }

  @Test
  void shouldReadNoShapeFromAMissingOrBrokenAddress() {
    assertThat(PageKinds.UrlShape.of(null)).isEqualTo(PageKinds.UrlShape.NONE);
    assertThat(PageKinds.UrlShape.of("http://exa mple.org/a b")).isEqualTo(PageKinds.UrlShape.NONE);
  }

  @Test
  void shouldHaveOneWeightPerNamedFeature() {
    PageKinds.Signals s =
        new PageKinds.Signals(
            Set.of(),
            null,
            false,
            false,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            PageMetadata.Markup.NONE,
            PageKinds.UrlShape.NONE,
            PageKinds.Structure.NONE);

    double[] x = PageKinds.features(s);

    assertThat(x).hasSize(PageKinds.FEATURES.size());
    assertThat(PageKinds.score(x)).isFinite();
  }
}
