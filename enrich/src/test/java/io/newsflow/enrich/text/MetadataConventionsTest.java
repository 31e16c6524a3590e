package io.newsflow.enrich.text;

import static io.newsflow.enrich.text.MetadataPages.EXTRACTOR;
import static io.newsflow.enrich.text.MetadataPages.STORY;
import static io.newsflow.enrich.text.MetadataPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The metadata conventions of 1.8.0 (docs/extraction.md): tags of Highwire and Cxense and the
 * plain-named date tags, conjunctions of more languages between authors, possessive site names,
 * replies' microdata, names under an "Author" label, and CDATA sections in HTML content. Every page
 * is written for this test (inline below); none is taken from a data set.
 */
class MetadataConventionsTest {
  // --- structured tags

  @Test
  void shouldReadEveryHighwireCitationAuthorAndTurnFamilyNameFirstRound() {
    Extraction e =
        page(
            "<meta name=\"citation_title\" content=\"Bridge decks under load\">"
                + "<meta name=\"citation_author\" content=\"Okafor, Ngozi\">"
                + "<meta name=\"citation_author\" content=\"Lindqvist, Per\">"
                + "<meta name=\"citation_publication_date\" content=\"2024/03/05\">",
            "<article><h1>Bridge decks under load</h1>" + STORY + "</article>");
    assertThat(e.authors()).containsExactly("Ngozi Okafor", "Per Lindqvist");
    assertThat(e.published()).startsWith("2024-03-05");
  }

  @Test
  void shouldReadTheCxenseAuthorAndPublishTime() {
    Extraction e =
        page(
            "<meta property=\"cXenseParse:author\" content=\"Marta Kowalczyk\">"
                + "<meta name=\"cXenseParse:recs:publishtime\" content=\"2025-11-02T08:15:00+01:00\">",
            "<article><h1>Bridge reopens</h1>" + STORY + "</article>");
    assertThat(e.authors()).containsExactly("Marta Kowalczyk");
    assertThat(e.published()).isEqualTo("2025-11-02T08:15:00+01:00");
  }

  @Test
  void shouldReadAPlainNamedPublishedDateTag() {
    Extraction e =
        page(
            "<meta name=\"published-date\" content=\"2021-02-16\">",
            "<article><h1>Bridge reopens</h1>" + STORY + "</article>");
    assertThat(e.published()).isEqualTo("2021-02-16");
  }

  // --- authors

  @Test
  void shouldSplitAuthorsJoinedByTheConjunctionsOfOtherLanguages() {
    String[][] cases = {
      {"Anna Nowak i Piotr Zieliński", "Anna Nowak", "Piotr Zieliński"},
      {"Erik Lund och Sara Berg", "Erik Lund", "Sara Berg"},
      {"Jan Novák a Petra Svobodová", "Jan Novák", "Petra Svobodová"},
      {"Ayşe Yılmaz ve Mehmet Demir", "Ayşe Yılmaz", "Mehmet Demir"},
      {"Иван Петров и Анна Смирнова", "Иван Петров", "Анна Смирнова"},
      {"Nagy Anna és Kovács Péter", "Nagy Anna", "Kovács Péter"},
    };
    for (String[] c : cases) {
      Extraction e =
          page(
              "<meta name=\"author\" content=\"" + c[0] + "\">",
              "<article><h1>Bridge reopens</h1>" + STORY + "</article>");
      assertThat(e.authors()).as(c[0]).containsExactly(c[1], c[2]);
    }
  }

  @Test
  void shouldReadTheBylineOfAnElementClassedAuthor() {
    Extraction e =
        page(
            "",
            "<header><span class=\"author\"> Dana Whitfield and Omar Haddad </span></header>"
                + "<main><article><h1>Bridge reopens</h1>"
                + STORY
                + "</article></main>");
    assertThat(e.authors()).containsExactly("Dana Whitfield", "Omar Haddad");
  }

  @Test
  void shouldDropPostedByAndAuthoredByFromAStructuredName() {
    Extraction e =
        page(
            "<meta name=\"author\" content=\"Posted By: Rhea Castillo\">",
            "<article><h1>Bridge reopens</h1>" + STORY + "</article>");
    assertThat(e.authors()).containsExactly("Rhea Castillo");
    Extraction f =
        page(
            "<meta name=\"author\" content=\"Authored by Rhea Castillo\">",
            "<article><h1>Bridge reopens</h1>" + STORY + "</article>");
    assertThat(f.authors()).containsExactly("Rhea Castillo");
  }

  @Test
  void shouldTakeTheOwnerOfASiteNamedAsAPersonsBlog() {
    Extraction e =
        page(
            "<meta property=\"og:site_name\" content=\"Nadia Ferreira's blog\">"
                + "<title>Fixing the garden gate | Nadia Ferreira's blog</title>",
            "<article><h1>Fixing the garden gate</h1>" + STORY + "</article>");
    assertThat(e.authors()).containsExactly("Nadia Ferreira");
  }

  @Test
  void shouldNotTakeASiteNamedLikeAPersonForItsAuthor() {
    // capitalised words the host spells, on a page declared an article: a brand as often as a
    // person, so no author without the page saying so
    Extraction e =
        page(
            "<meta property=\"og:site_name\" content=\"Restless Harbour\">"
                + "<meta property=\"og:type\" content=\"article\">"
                + "<title>Fixing the garden gate | Restless Harbour</title>",
            "<article><h1>Fixing the garden gate</h1>" + STORY + "</article>",
            "https://restlessharbour.com/fixing-the-garden-gate");
    assertThat(e.authors()).isEmpty();
  }

  @Test
  void shouldKeepAPersonalSitesOwnerNamedAuthorWhenASubdomainSpellsTheName() {
    // the site's own name as author is dropped on outlets ("author": "CNN"); on a personal blog
    // hosted as nadia.weblogs.example the host's first label spells the person
    Extraction e =
        page(
            "<meta property=\"og:site_name\" content=\"Nadia Ferreira\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\","
                + "\"headline\":\"Fixing the garden gate\","
                + "\"author\":{\"@type\":\"Person\",\"name\":\"Nadia Ferreira\"}}</script>",
            "<article><h1>Fixing the garden gate</h1>" + STORY + "</article>",
            "https://nadia.weblogs.example/fixing-the-garden-gate");
    assertThat(e.authors()).containsExactly("Nadia Ferreira");
  }

  @Test
  void shouldReadNamesUnderAnAuthorLabelOfTheirOwn() {
    Extraction e =
        page(
            "",
            "<article><h1>Bridge reopens</h1>"
                + STORY
                + "<dl><dt>Published</dt><dd>March 5, 2024</dd><dt>Author</dt><dd>Lisa M. Ortega</dd></dl>"
                + "</article>");
    assertThat(e.authors()).containsExactly("Lisa M. Ortega");
  }

  @Test
  void shouldNotTakeARepliesMicrodataAuthorOrDateForThePages() {
    String reply =
        "<div itemscope itemtype=\"https://schema.org/Comment\">"
            + "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">Tom Reyes</span></span>"
            + "<time itemprop=\"datePublished\" datetime=\"2025-06-20T09:00:00Z\">Jun 20, 2025</time>"
            + "<p>I drove over it this morning and the new railings look great.</p></div>";
    Extraction e =
        page(
            "",
            "<article><h1>Bridge reopens</h1>"
                + "<time datetime=\"2025-06-14T08:33:11-04:00\">Jun 14, 2025</time>"
                + STORY
                + "</article><section>"
                + reply
                + "</section>");
    assertThat(e.authors()).doesNotContain("Tom Reyes");
    assertThat(e.published()).startsWith("2025-06-14");
  }

  // --- parsing

  @Test
  void shouldReadThePageAfterACdataMarkerInHtmlContentAsABrowserDoes() {
    // a browser ends "<![CDATA[" at the next ">" and shows the rest; read as a CDATA section it
    // would swallow the page up to "]]>", headline and date included
    Extraction e =
        EXTRACTOR.extractHtml(
            "<html><head><title>Bridge reopens</title></head><body><![CDATA[\n<div id=\"top\"></div>"
                + "<article><h1>Bridge reopens after six months</h1>"
                + "<time datetime=\"2025-06-14T08:33:11-04:00\">Jun 14, 2025</time>"
                + STORY
                + "</article></body></html>",
            null);
    assertThat(e.title()).isEqualTo("Bridge reopens after six months");
    assertThat(e.published()).startsWith("2025-06-14");
    assertThat(e.text()).contains("The old bridge over the river reopened").doesNotContain("<p>");
  }
}
