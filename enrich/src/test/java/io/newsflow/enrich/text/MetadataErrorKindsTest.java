package io.newsflow.enrich.text;

import static io.newsflow.enrich.text.MetadataPages.GESCHICHTE;
import static io.newsflow.enrich.text.MetadataPages.STORY;
import static io.newsflow.enrich.text.MetadataPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The error kinds issue #15 names for held-out news pages, in forms {@link MetadataChoiceTest} does
 * not cover: each page here is written for this test (inline below), none is taken from a data set.
 */
class MetadataErrorKindsTest {
  // --- titles

  @Test
  void shouldDecodeEntitiesEscapedTwiceInTheJsonLdHeadline() {
    Extraction e =
        page(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Stadtrat stimmt &amp;quot;Br&amp;uuml;ckenplan&amp;quot; zu\"}</script>",
            "<article>" + GESCHICHTE + "</article>");
    assertThat(e.title()).isEqualTo("Stadtrat stimmt \"Brückenplan\" zu");
  }

  @Test
  void shouldDropASiteNameWrittenAsTheInitialsOfTheSiteName() {
    Extraction e =
        page(
            "<meta property=\"og:site_name\" content=\"Nordfunk Welle\">"
                + "<meta property=\"og:title\" content=\"Brücke nach sechs Monaten wieder offen | NW\">"
                + "<title>Brücke nach sechs Monaten wieder offen | NW</title>",
            "<article>" + GESCHICHTE + "</article>");
    assertThat(e.title()).isEqualTo("Brücke nach sechs Monaten wieder offen");
  }

  @Test
  void shouldDropASiteTaglineAfterTheBar() {
    Extraction e =
        page(
            "<meta property=\"og:site_name\" content=\"Harbor Mutual\">"
                + "<title>Bridge reopens after six months of repairs | Harbor Mutual: Insurance for river towns since 1921</title>",
            "<article>" + STORY + "</article>");
    assertThat(e.title()).isEqualTo("Bridge reopens after six months of repairs");
  }

  @Test
  void shouldDropTheSpelledOutSiteNameOfAnAbbreviatedSite() {
    Extraction e =
        page(
            "<meta property=\"og:site_name\" content=\"HMIS\">"
                + "<title>Bridge reopens after six months of repairs | Harbor Mutual Insurance Services</title>",
            "<article>" + STORY + "</article>");
    assertThat(e.title()).isEqualTo("Bridge reopens after six months of repairs");
  }

  @Test
  void shouldDropAKickerTheVisibleHeadlineLacksWhenNoMetadataTitleLacksIt() {
    Extraction e =
        page(
            "<meta property=\"og:title\" content=\"Verkehr im Landkreis: Brücke nach sechs Monaten wieder offen\">"
                + "<title>Verkehr im Landkreis: Brücke nach sechs Monaten wieder offen | Nordfunk</title>",
            "<article><h2 class=\"headline\">Brücke nach sechs Monaten wieder offen</h2>"
                + GESCHICHTE
                + "</article>");
    assertThat(e.title()).isEqualTo("Brücke nach sechs Monaten wieder offen");
  }

  // --- dates

  @Test
  void shouldWriteAnIsoTimeWithANamedZoneAsAnOffset() {
    assertThat(TextDates.normalize("2023-04-28T19:20:36 CEST", null))
        .isEqualTo("2023-04-28T19:20:36+02:00");
    assertThat(TextDates.normalize("2023-04-28 19:20 UTC", null)).isEqualTo("2023-04-28T19:20:00Z");
  }

  @Test
  void shouldReadADateLineWithAnAtSignBeforeTheTime() {
    assertThat(TextDates.parseLine("on Tuesday March 3, 2026 @09:05PM", "en").iso())
        .isEqualTo("2026-03-03T21:05:00");
  }

  @Test
  void shouldReadEpochSecondsAndMillisecondsAsUtc() {
    assertThat(TextDates.normalize("1682702436", null)).isEqualTo("2023-04-28T17:20:36Z");
    assertThat(TextDates.normalize("1682702436000", null)).isEqualTo("2023-04-28T17:20:36Z");
  }

  @Test
  void shouldNeverReturnAStructuredDateThatIsNotIso() {
    Extraction e =
        page(
            "<meta property=\"article:published_time\" content=\"2023-04-28T19:20:36+02:00[Europe/Berlin]\">",
            "<article><h1>Bridge reopens</h1>" + STORY + "</article>");
    assertThat(e.published()).isEqualTo("2023-04-28T19:20:36+02:00");
  }

  @Test
  void shouldNotTakeAnUpdatedTimeElementForThePublicationDate() {
    Extraction e =
        page(
            "",
            "<article><h1>Brücke wieder offen</h1>"
                + "<p class=\"meta\"><span>Aktualisiert am <time datetime=\"2026-03-22T09:00:00+01:00\">22.03.2026</time></span> "
                + "<span>Veröffentlicht am <time datetime=\"2026-03-20T10:15:00+01:00\">20.03.2026</time></span></p>"
                + GESCHICHTE
                + "</article>");
    assertThat(e.published()).isEqualTo("2026-03-20T10:15:00+01:00");
    assertThat(e.modified()).isEqualTo("2026-03-22T09:00:00+01:00");
  }

  // --- authors

  @Test
  void shouldSplitJsonLdAuthorNamesOnConjunctionsOfTheSupportedLanguages() {
    Extraction e =
        page(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Reabre o ponte\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Joana Prado e Rui Tavares\"},"
                + "{\"@type\":\"Person\",\"name\":\"Lucía Vera y Tomás Gil\"}]}</script>",
            "<article><h1>Reabre o ponte</h1>" + STORY + "</article>");
    assertThat(e.authors())
        .containsExactly("Joana Prado", "Rui Tavares", "Lucía Vera", "Tomás Gil");
  }

  @Test
  void shouldDropBracketedInitialsInABylineInTheText() {
    Extraction e =
        page(
            "<meta http-equiv=\"content-language\" content=\"de\">",
            "<article><h1>Brücke nach Reparatur wieder offen</h1>"
                + "<p>Elena Oberholzer (obe), Lukas Beispiel (lbe)</p>"
                + GESCHICHTE
                + "</article>");
    assertThat(e.authors()).containsExactly("Elena Oberholzer", "Lukas Beispiel");
  }

  @Test
  void shouldNotTakeTheProductAPageIsAboutForItsAuthor() {
    Extraction e =
        page(
            "<meta name=\"author\" content=\"Aurora Stand Mixer\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Aurora Stand Mixer\","
                + "\"brand\":{\"@type\":\"Brand\",\"name\":\"Aurora\"}}</script>",
            "<article><h1>Aurora Stand Mixer review</h1>" + STORY + "</article>");
    assertThat(e.authors()).isEmpty();
  }

  @Test
  void shouldReadABylineAtTheStartOfTheStoryText() {
    Extraction e =
        page(
            "<meta http-equiv=\"content-language\" content=\"de\">",
            "<article><h1>Brücke nach Reparatur wieder offen</h1>"
                + "<p>Ein Bericht von Anna Muster und Lukas Beispiel</p>"
                + GESCHICHTE
                + "</article>");
    assertThat(e.authors()).containsExactly("Anna Muster", "Lukas Beispiel");
  }
}
