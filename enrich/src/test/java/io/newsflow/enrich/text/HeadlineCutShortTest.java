package io.newsflow.enrich.text;

import static io.newsflow.enrich.text.MetadataPages.STORY;
import static io.newsflow.enrich.text.MetadataPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Headlines that one source gives cut short, and headlines in a wrapper whose class names a
 * navigation it holds (docs/extraction.md, 1.10.0). Every page is written for this test.
 */
class HeadlineCutShortTest {
  private static final String FULL =
      "Harbour bridge reopens after six months of repairs as the county waives its toll until the"
          + " end of the year";

  // the JSON-LD headline cut at a word, as sites cut it to the 110 characters search engines ask
  private static final String CUT =
      "Harbour bridge reopens after six months of repairs as the county waives its toll until the";

  private static String jsonLd(String headline) {
    return "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\""
        + headline
        + "\"}</script>";
  }

  @Test
  void shouldTakeTheTitleInFullWhenTheStructuredHeadlineIsCutShort() {
    Extraction e =
        page(
            jsonLd(CUT) + "<title>" + FULL + " – Harbor Daily</title>",
            "<article>" + STORY + "</article>",
            "https://www.harbordaily.example/news/bridge");
    assertThat(e.title()).isEqualTo(FULL);
  }

  @Test
  void shouldNotTakeASiteNameAfterASeparatorForTheRestOfTheHeadline() {
    // "| Harbor Notes" is not more headline: the shorter title stays
    String headline = "Harbour bridge reopens after six months of repairs to the deck";
    Extraction e =
        page(
            jsonLd(headline)
                + "<title>"
                + headline
                + " | Harbor Notes and Views of the Valley Towns</title>",
            "<article>" + STORY + "</article>",
            "https://www.example.org/bridge");
    assertThat(e.title()).isEqualTo(headline);
  }

  @Test
  void shouldReadTheHeadlineInsideAWrapperThatHasASectionNavigation() {
    // "has-section-nav" says the page shows a section menu, not that the wrapper is one
    Extraction e =
        page(
            jsonLd(CUT),
            "<div id=\"main-content\" class=\"main-content-wrap has-section-nav\"><article><header>"
                + "<h1 class=\"article__headline\">"
                + FULL
                + "</h1></header>"
                + STORY
                + "</article></div>",
            "https://www.harbordaily.example/news/bridge");
    assertThat(e.title()).isEqualTo(FULL);
  }
}
