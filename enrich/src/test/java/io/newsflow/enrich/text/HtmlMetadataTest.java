package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * HTML metadata when the structured kind is missing or untidy, on hand-written fixture pages
 * (src/test/resources/text, see its README) and inline snippets.
 */
class HtmlMetadataTest {
  private static final ArticleExtractor EXTRACTOR =
      new ArticleExtractor(ExtractorSettings.defaults());
  private static final String STORY =
      "<p>The old bridge over the river reopened on Monday after six months of repairs to its deck and railings, the county said.</p>"
          + "<p>Drivers will pay no toll until the end of the year, and a new footpath on the east side opens to walkers next week.</p>";

  private static Extraction fixture(String name, String url) throws Exception {
    try (InputStream in = HtmlMetadataTest.class.getResourceAsStream("/text/" + name)) {
      return EXTRACTOR.extract(in.readAllBytes(), null, "text/html", url);
    }
  }

  private static Extraction page(String head, String body) {
    return EXTRACTOR.extractHtml(
        "<html><head>" + head + "</head><body>" + body + "</body></html>", null);
  }

  @Test
  void shouldReadMetadataFromTheMarkupWhenThereIsNoStructuredMetadata() throws Exception {
    Extraction e =
        fixture("metadata-fallbacks-en.html", "https://courier.example/2026/11/19/ferry-fares");
    assertThat(e.siteName()).isEqualTo("Northbay Courier");
    assertThat(e.title()).isEqualTo("Harbour ferry fares rise for the winter");
    assertThat(e.authors()).containsExactly("Ana Ruiz", "Tom Bell");
    assertThat(e.published()).isEqualTo("2026-11-20");
    assertThat(e.dateline()).isEqualTo("PORTHAVEN");
    assertThat(e.paragraphs()).hasSize(4);
  }

  @Test
  void shouldReadASpanishPageWithCopyrightBylineAndDateLine() throws Exception {
    Extraction e = fixture("metadata-fallbacks-es.html", null);
    assertThat(e.siteName()).isEqualTo("Editorial Los Andes");
    assertThat(e.authors()).containsExactly("María de la Cruz", "José Luis Gómez");
    assertThat(e.published()).isEqualTo("2026-11-20T10:15:00");
    assertThat(e.dateline()).isEqualTo("BOGOTÁ");
  }

  @Test
  void shouldReadJsonLdAuthorsAsNamesWithoutOrganisationsOrDuplicates() throws Exception {
    Extraction e = fixture("metadata-jsonld-authors.html", null);
    assertThat(e.authors()).containsExactly("Jane Doe", "John Roe");
    assertThat(e.siteName()).isEqualTo("Valley Post");
    assertThat(e.title()).isEqualTo("Bridge reopens after six months of repairs");
    assertThat(e.published()).isEqualTo("2026-11-20T10:15:00Z");
  }

  @Test
  void shouldTakeTheSiteNameFromApplicationNameMeta() {
    Extraction e =
        page(
            "<title>Bridge reopens after repairs</title><meta name='application-name' content='Valley Post'>",
            STORY);
    assertThat(e.siteName()).isEqualTo("Valley Post");
  }

  @Test
  void shouldTakeTheSiteNameFromATitlePrefixWhenTheHeadlineIsKnown() {
    Extraction e =
        page(
            "<title>Valley Post - Bridge reopens after repairs</title><meta property='og:title' content='Bridge reopens after repairs'>",
            STORY);
    assertThat(e.siteName()).isEqualTo("Valley Post");
    assertThat(e.title()).isEqualTo("Bridge reopens after repairs");
  }

  @Test
  void shouldTakeTheSiteNameFromTheCopyrightLine() {
    Extraction e =
        page(
            "<title>Bridge reopens after repairs</title>",
            "<article>"
                + STORY
                + "</article><footer>© 2026 <a href='/'>Valley Media</a>. All rights reserved.</footer>");
    assertThat(e.siteName()).isEqualTo("Valley Media");
  }

  @Test
  void shouldTakeTheDatelineAgencyOnlyWhenThePageNamesNoSite() {
    String dated =
        "<p>RIVERTON (Reuters) - The old bridge over the river reopened on Monday after six months of repairs to its deck.</p>";
    assertThat(page("<title>Bridge reopens after repairs</title>", dated + STORY).siteName())
        .isEqualTo("Reuters");
    assertThat(
            page(
                    "<title>Bridge reopens</title><meta property='og:site_name' content='Valley Post'>",
                    dated + STORY)
                .siteName())
        .isEqualTo("Valley Post");
  }

  @Test
  void shouldCleanMetaAuthorAndRelAuthor() {
    assertThat(page("<meta name='author' content='By Jane Doe | Reuters'>", STORY).authors())
        .containsExactly("Jane Doe");
    assertThat(
            page(
                    "",
                    "<article><a rel='author' href='/a/jd'>Jane Doe</a>"
                        + STORY
                        + "</article><div class='comments'><span itemprop='author'>Reader One</span></div>")
                .authors())
        .containsExactly("Jane Doe");
  }

  @Test
  void shouldReturnNullTitleRatherThanTheSiteNameOrBlank() {
    assertThat(
            page(
                    "<title>Valley Post</title><meta property='og:site_name' content='Valley Post'>",
                    STORY)
                .title())
        .isNull();
    assertThat(page("<title>   </title>", STORY).title()).isNull();
  }

  @Test
  void shouldFallBackToTheUrlDateWhenThePageStatesNone() {
    Extraction e =
        EXTRACTOR.extractHtml(
            "<html><body>" + STORY + "</body></html>", "https://post.example/2026/11/18/bridge");
    assertThat(e.published()).isEqualTo("2026-11-18");
  }

  @Test
  void shouldReadTheTextOfATimeElementWithoutDatetime() {
    Extraction e = page("", "<article><time>November 20, 2026</time>" + STORY + "</article>");
    assertThat(e.published()).isEqualTo("2026-11-20");
  }
}
