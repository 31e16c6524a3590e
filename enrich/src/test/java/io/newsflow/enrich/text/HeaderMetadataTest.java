package io.newsflow.enrich.text;

import static io.newsflow.enrich.text.MetadataPages.GESCHICHTE;
import static io.newsflow.enrich.text.MetadataPages.STORY;
import static io.newsflow.enrich.text.MetadataPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Authors, dates and titles read from where a page shows them around its headline, and chosen
 * against the other sources: pages written for these tests (inline below), in several languages.
 */
class HeaderMetadataTest {
  @Test
  void shouldReadABylineWhoseWordsSitInSeparateInlineElements() {
    Extraction e =
        page(
            "",
            "<header><h1>Bridge reopens after repairs</h1>"
                + "<div class=\"meta\"><span>By</span><span>Jane Doe</span></div></header>"
                + "<article>"
                + STORY
                + "</article>");
    assertThat(e.authors()).containsExactly("Jane Doe");
  }

  @Test
  void shouldSplitAGermanBylineUnderTheHeadline() {
    Extraction e =
        page(
            "<meta http-equiv=\"content-language\" content=\"de\">",
            "<h1>Brücke nach Reparatur wieder offen</h1>"
                + "<p class=\"zeile\">Von Anna Muster und Lukas Beispiel</p><article>"
                + GESCHICHTE
                + "</article>");
    assertThat(e.authors()).containsExactly("Anna Muster", "Lukas Beispiel");
  }

  @Test
  void shouldTakeTheNamesOfAuthorPageLinksUnderTheHeadline() {
    Extraction e =
        page(
            "",
            "<h1>El puente reabre tras seis meses de obras</h1>"
                + "<div><a href=\"/autor/maria-lopez\">María López</a>, "
                + "<a href=\"/autor/pedro-ruiz\">Pedro Ruiz</a></div><article>"
                + STORY
                + "</article>");
    assertThat(e.authors()).containsExactly("María López", "Pedro Ruiz");
  }

  @Test
  void shouldNotTakeTheBylinesOfTeasersFarBelowTheHeadline() {
    StringBuilder teasers = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      teasers.append("<li><a href=\"/story-").append(i).append("\">Other story ").append(i);
      teasers.append("</a></li>");
    }
    Extraction e =
        page(
            "",
            "<h1>Bridge reopens after repairs</h1><article>"
                + STORY
                + "</article><ul>"
                + teasers
                + "</ul><p class=\"teaser\">By John Roe</p>");
    assertThat(e.authors()).isEmpty();
  }

  @Test
  void shouldReadTheAuthorOfATwitterCardLabel() {
    Extraction e =
        page(
            "<meta name=\"twitter:label1\" content=\"Written by\">"
                + "<meta name=\"twitter:data1\" content=\"Jane Doe\">"
                + "<meta name=\"twitter:label2\" content=\"Est. reading time\">"
                + "<meta name=\"twitter:data2\" content=\"4 minutes\">",
            "<article><h1>Bridge reopens after repairs</h1>" + STORY + "</article>");
    assertThat(e.authors()).containsExactly("Jane Doe");
  }

  @Test
  void shouldPreferTheShownBylineToAnAccountName() {
    Extraction e =
        page(
            "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"headline\":\"Bridge"
                + " reopens after repairs\",\"author\":{\"@type\":\"Person\",\"name\":\"jdoe42\"}}</script>",
            "<h1>Bridge reopens after repairs</h1><p>By Jane Doe</p><article>"
                + STORY
                + "</article>");
    assertThat(e.authors()).containsExactly("Jane Doe");
  }

  @Test
  void shouldKeepTheOwnerOfAPersonalSiteAsAuthorButNotAnOutletsName() {
    String head =
        "<meta property=\"og:site_name\" content=\"%s\"><meta name=\"author\" content=\"%s\">";
    String body = "<article><h1>Bridge reopens after repairs</h1>" + STORY + "</article>";
    Extraction personal =
        page(head.formatted("Jane Doe", "Jane Doe"), body, "https://janedoe.com/bridge");
    Extraction outlet =
        page(
            head.formatted("Harbour Courier", "Harbour Courier"),
            body,
            "https://www.harbourcourier.com/bridge");
    assertThat(personal.authors()).containsExactly("Jane Doe");
    assertThat(outlet.authors()).isEmpty();
  }

  @Test
  void shouldReadAnAuthorLabelWithAColon() {
    assertThat(Bylines.fromByline("Autorin: Anna Muster")).containsExactly("Anna Muster");
    assertThat(Bylines.fromByline("Author: Jane Doe")).containsExactly("Jane Doe");
    assertThat(Bylines.fromByline("Authority figures met on Tuesday")).isNull();
  }

  @Test
  void shouldReadAMicrodataPublicationDate() {
    Extraction e =
        page(
            "",
            "<article itemscope itemtype=\"https://schema.org/Article\"><h1>Bridge reopens</h1>"
                + "<meta itemprop=\"datePublished\" content=\"2020-12-23T11:48:54-08:00\">"
                + STORY
                + "</article>");
    assertThat(e.published()).isEqualTo("2020-12-23T11:48:54-08:00");
  }

  @Test
  void shouldReadADateLineRightAboveTheHeadline() {
    Extraction e =
        page(
            "<meta http-equiv=\"content-language\" content=\"fr\">",
            "<div class=\"top\">Mardi 9 décembre 2026</div><nav><a href=\"/\">Accueil</a>"
                + "<a href=\"/monde\">Monde</a><a href=\"/culture\">Culture</a><a href=\"/sport\">Sport</a></nav>"
                + "<header><p>Publié le 3 février 2026</p><h1>Le pont rouvre après six mois de travaux</h1></header>"
                + "<article>"
                + STORY
                + "</article>");
    assertThat(e.published()).isEqualTo("2026-02-03");
  }

  @Test
  void shouldUseTheJsonLdPageDateOnlyWhenThePageShowsNone() {
    String ld =
        "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\","
            + "\"datePublished\":\"2024-03-17T19:47:39+00:00\"},{\"@type\":\"Article\","
            + "\"headline\":\"Bridge reopens after repairs\"}]}</script>";
    Extraction none =
        page(ld, "<article><h1>Bridge reopens after repairs</h1>" + STORY + "</article>");
    Extraction shown =
        page(
            ld,
            "<article><h1>Bridge reopens after repairs</h1><p>March 18, 2024</p>"
                + STORY
                + "</article>");
    assertThat(none.published()).startsWith("2024-03-17");
    assertThat(shown.published()).isEqualTo("2024-03-18");
  }

  @Test
  void shouldFallBackToTheUpdateDateOnlyWhenThePageGivesNoOther() {
    Extraction onlyUpdate =
        page(
            "",
            "<article><h1>Bridge reopens after repairs</h1><p>Updated August 27, 2025</p>"
                + STORY
                + "</article>");
    Extraction both =
        page(
            "",
            "<article><h1>Bridge reopens after repairs</h1><p>Updated August 27, 2025</p>"
                + "<p>Published May 2, 2025</p>"
                + STORY
                + "</article>");
    assertThat(onlyUpdate.published()).isEqualTo("2025-08-27");
    assertThat(both.published()).isEqualTo("2025-05-02");
  }

  @Test
  void shouldDropASectionNameAfterTheHeadlineEverywhere() {
    Extraction e =
        page(
            "<meta property=\"og:title\" content=\"How meditation changes the brain | Opinion\">"
                + "<title>How meditation changes the brain | Opinion</title>",
            "<article><h1>How meditation changes the brain | Opinion</h1>" + STORY + "</article>");
    assertThat(e.title()).isEqualTo("How meditation changes the brain");
  }

  @Test
  void shouldDropTheSiteNameFromTheVisibleHeadlineWhenTheHostSpellsIt() {
    Extraction e =
        page(
            "<meta property=\"og:title\" content=\"Bridge reopens after repairs | WXYZ\">",
            "<article><h1>Bridge reopens after repairs | WXYZ</h1>" + STORY + "</article>",
            "https://www.wxyz.com/news/bridge-reopens");
    assertThat(e.title()).isEqualTo("Bridge reopens after repairs");
  }

  @Test
  void shouldKeepAHeadlinesOwnSecondPartWhenItNamesNoSite() {
    Extraction e =
        page(
            "<meta property=\"og:title\" content=\"The bridge, part two - the repairs\">",
            "<article><h1>The bridge, part two - the repairs</h1>" + STORY + "</article>",
            "https://www.wxyz.com/news/bridge");
    assertThat(e.title()).isEqualTo("The bridge, part two - the repairs");
  }

  @Test
  void shouldDropADateGluedBeforeTheHeadline() {
    Extraction e =
        page(
            "<meta property=\"og:title\" content=\"Preparing a transition in the archive\">",
            "<article><h1><span>Dec 18 2025</span> Preparing a transition in the archive</h1>"
                + STORY
                + "</article>");
    assertThat(e.title()).isEqualTo("Preparing a transition in the archive");
  }

  @Test
  void shouldDropAHeadingsPermalinkMark() {
    Extraction e =
        page(
            "", "<article><h1>Quickstart<a class=\"headerlink\">¶</a></h1>" + STORY + "</article>");
    assertThat(e.title()).isEqualTo("Quickstart");
  }

  @Test
  void shouldSkipATemplatesPlaceholderDateAndKeepTheZoneAnotherSourceGives() {
    Extraction placeholder =
        page(
            "",
            "<article><h1>Bridge reopens</h1><meta itemprop=\"datePublished\" content=\"0001-01-01T00:00:00Z\">"
                + "<p>Nov. 19, 2019</p>"
                + STORY
                + "</article>");
    Extraction zone =
        page(
            "<meta property=\"article:published_time\" content=\"2019-11-19T02:24:00\">",
            "<article><h1>Bridge reopens</h1><time datetime=\"2019-11-19T02:24:00Z\">Nov. 19</time>"
                + STORY
                + "</article>");
    assertThat(placeholder.published()).isEqualTo("2019-11-19");
    assertThat(zone.published()).isEqualTo("2019-11-19T02:24:00Z");
  }

  @Test
  void shouldNotTakeTheLabelOfAnAuthorPageLinkForAName() {
    Extraction e =
        page(
            "",
            "<h1>Bridge reopens after repairs</h1><div><a href=\"/author/jane-doe\">View More Articles</a>"
                + "</div><article>"
                + STORY
                + "</article>");
    assertThat(e.authors()).isEmpty();
  }

  @Test
  void shouldKeepAVisibleHeadlineThatOnlyMentionsTheSite() {
    Extraction e =
        page(
            "",
            "<article><h1>Take care - harbourfix at the boat fair 2018</h1>" + STORY + "</article>",
            "https://www.harbourfix.com/blog/boat-fair");
    assertThat(e.title()).isEqualTo("Take care - harbourfix at the boat fair 2018");
  }

  @Test
  void shouldRepairATitleWrittenOutTwiceAsUtf8() {
    // the page's own bytes hold "’" encoded twice (UTF-8 read as Latin-1, then written as UTF-8)
    String twice =
        new String(
            "A DIY Investor’s Guide".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.ISO_8859_1);
    Extraction e = page("<title>" + twice + "</title>", "<article>" + STORY + "</article>");
    Extraction plain =
        page("<title>Ação em São Paulo: três anos</title>", "<article>" + STORY + "</article>");
    assertThat(e.title()).isEqualTo("A DIY Investor’s Guide");
    assertThat(plain.title()).isEqualTo("Ação em São Paulo: três anos");
  }
}
