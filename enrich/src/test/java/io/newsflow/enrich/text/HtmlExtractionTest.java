package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The HTML path on hand-written fixture pages (src/test/resources/text, see its README). */
class HtmlExtractionTest {
  private static final ArticleExtractor EXTRACTOR =
      new ArticleExtractor(ExtractorSettings.defaults());

  private static Extraction fixture(String name) throws Exception {
    try (InputStream in = HtmlExtractionTest.class.getResourceAsStream("/text/" + name)) {
      return EXTRACTOR.extract(
          in.readAllBytes(), null, "text/html; charset=utf-8", "https://example.test/news/1");
    }
  }

  @Test
  void shouldKeepStoryParagraphsSubheadingsListsAndQuotes() throws Exception {
    Extraction e = fixture("story-en.html");
    assertThat(e.paragraphs())
        .contains(
            "Why the vote was close", "The wall will rise by 1.2 metres along the east quay.");
    assertThat(e.paragraphs()).anyMatch(p -> p.startsWith("This is the most important decision"));
    assertThat(e.paragraphs()).anyMatch(p -> p.startsWith("Engineers will survey the quay"));
    assertThat(e.paragraphs()).hasSize(9);
  }

  @Test
  void shouldDropShareBarsInsertsRelatedListsCommentsAndCaptions() throws Exception {
    String text = fixture("story-en.html").text();
    assertThat(text)
        .doesNotContain(
            "ALSO READ",
            "Ferry timetable",
            "WhatsApp",
            "newsletter",
            "Storm damage bill",
            "grandfather",
            "Lighthouse keeper",
            "All rights reserved",
            "Photo:",
            "By Mara Quill",
            "Sport");
  }

  @Test
  void shouldRecordRemovalsWithReasons() throws Exception {
    Extraction e = fixture("story-en.html");
    assertThat(e.removed())
        .anyMatch(r -> r.reason().equals("rule:also-read") && r.text().contains("Ferry timetable"));
    assertThat(e.removed()).anyMatch(r -> r.reason().startsWith("rule:comment"));
    assertThat(e.removed())
        .allSatisfy(r -> assertThat(r.reason()).matches("(rule|density):[a-z-]+"));
  }

  @Test
  void shouldReadMetadataFromJsonLdFirst() throws Exception {
    Extraction e = fixture("story-en.html");
    assertThat(e.title()).isEqualTo("Harbour town votes to rebuild its old sea wall");
    assertThat(e.authors()).containsExactly("Mara Quill", "Tobias Fenn");
    assertThat(e.published()).isEqualTo("2026-11-20T08:15:00+00:00");
    assertThat(e.modified()).isEqualTo("2026-11-20T10:02:00+00:00");
    assertThat(e.siteName()).isEqualTo("The Coastal Ledger");
    assertThat(e.canonicalUrl()).isEqualTo("https://ledger.example/news/2026/11/sea-wall");
    assertThat(e.imageUrl()).isEqualTo("https://ledger.example/img/wall.jpg");
    assertThat(e.language()).isEqualTo("en");
    assertThat(e.dateline()).isEqualTo("PORTHAVEN");
  }

  @Test
  void shouldReadSpanishPageWithMetaTagsOnly() throws Exception {
    Extraction e = fixture("story-es.html");
    assertThat(e.title()).isEqualTo("Reabren el mercado de San Telmo tras dos años de obras");
    assertThat(e.siteName()).isEqualTo("Diario del Valle");
    assertThat(e.authors()).containsExactly("Lucía Benítez");
    assertThat(e.published()).isEqualTo("2026-11-19T18:40:00-06:00");
    assertThat(e.language()).isEqualTo("es");
    assertThat(e.dateline()).isEqualTo("Ciudad de México");
    assertThat(e.paragraphs()).hasSize(4);
    assertThat(e.text())
        .doesNotContain("LEE TAMBIÉN", "Inicio", "relacionadas", "derechos reservados");
    assertThat(e.removed()).anyMatch(r -> r.reason().equals("rule:social"));
  }

  @Test
  void shouldStripSiteNameFromTitleWithoutJsonLd() {
    Extraction e =
        EXTRACTOR.extractHtml(
            "<html><head><title>Bridge reopens after repairs | Valley Post</title><meta property='og:site_name' content='Valley Post'></head>"
                + "<body><p>The old bridge over the river reopened on Monday after six months of repairs to its deck and railings.</p></body></html>",
            null);
    assertThat(e.title()).isEqualTo("Bridge reopens after repairs");
    assertThat(e.paragraphs()).hasSize(1);
  }

  @Test
  void shouldDropBylineAndDateLinesWithoutClassNames() {
    String story =
        "<p>The old bridge over the river reopened on Monday after six months of repairs to its deck and railings.</p>";
    Extraction e =
        EXTRACTOR.extractHtml(
            "<html><body><article><p>By Ana Ruiz and Tom Bell</p><p>Updated: Nov. 19, 2026 5:30 p.m.</p>"
                + story.repeat(3)
                + "</article></body></html>",
            null);
    assertThat(e.paragraphs()).hasSize(3);
    assertThat(e.removed())
        .anyMatch(r -> r.reason().equals("rule:byline"))
        .anyMatch(r -> r.reason().equals("rule:date"));
  }

  @Test
  void shouldFallBackToJsonLdBodyWhenTheMarkupHoldsOnlyAStub() {
    String sentence =
        "The ferry company said on Friday that the winter timetable would keep two daily crossings to the island. ";
    Extraction e =
        EXTRACTOR.extractHtml(
            "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Ferry keeps two crossings\","
                + "\"articleBody\":\""
                + sentence.repeat(8)
                + "\"}</script></head>"
                + "<body><div id='app'><p>Loading the story, please wait a moment while it appears.</p></div></body></html>",
            null);
    assertThat(e.text()).contains("winter timetable").doesNotContain("Loading the story");
    assertThat(e.removed()).anyMatch(r -> r.reason().equals("density:stub-body"));
  }

  @Test
  void shouldWriteIsoLikeTimesAsIso8601AndDropValuesThatAreNoDate() {
    Extraction e =
        EXTRACTOR.extractHtml(
            "<html><head><meta property='article:published_time' content='2026-11-19 10:05:00+0100'>"
                + "<meta property='article:modified_time' content='yesterday'></head>"
                + "<body><p>The old bridge over the river reopened on Monday after six months of repairs to its deck.</p></body></html>",
            null);
    assertThat(e.published()).isEqualTo("2026-11-19T10:05:00+01:00");
    assertThat(e.modified()).as("never anything but ISO-8601").isNull();
  }

  @Test
  void shouldDecodeDeclaredLatin1AndMetaCharset() throws Exception {
    String html =
        "<html><head><meta charset='windows-1252'></head><body><p>Caf\u00e9 owners in the old town said the new rules were unfair and would cost them customers.</p></body></html>";
    Extraction e = EXTRACTOR.extract(html.getBytes("windows-1252"), null, "text/html", null);
    assertThat(e.text()).contains("Caf\u00e9 owners");
    Extraction bom =
        EXTRACTOR.extract(
            ("\uFEFF" + html.replace("windows-1252", "utf-8")).getBytes("UTF-8"),
            null,
            "text/html",
            null);
    assertThat(bom.text()).contains("Caf\u00e9 owners");
  }
}
