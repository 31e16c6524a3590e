package io.newsflow.enrich.text;

import static io.newsflow.enrich.text.MetadataPages.STORY;
import static io.newsflow.enrich.text.MetadataPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Title, date and author choices across sources and languages, on pages written for these tests
 * (inline below).
 */
class MetadataChoiceTest {
  @Test
  void shouldDecodeEntitiesLeftInAMetadataTitle() {
    Extraction e =
        page(
            "<meta property=\"og:title\" content=\"Raketen zerst&amp;ouml;ren &amp;quot;Depot&amp;quot; im Norden\">",
            "<article>" + STORY + "</article>");
    assertThat(e.title()).isEqualTo("Raketen zerstören \"Depot\" im Norden");
  }

  @Test
  void shouldPreferTheVisibleHeadlineOverAMetadataTitleWithAKicker() {
    Extraction e =
        page(
            "<meta property=\"og:title\" content=\"Iranischer Angriff auf Israel: Abwehr hält stand | DW\">"
                + "<title>Iranischer Angriff auf Israel: Abwehr hält stand | DW</title>",
            "<article><h1>Abwehr hält stand</h1>" + STORY + "</article>");
    assertThat(e.title()).isEqualTo("Abwehr hält stand");
  }

  @Test
  void shouldDropAKickerElementInsideTheHeadline() {
    Extraction e =
        page(
            "<meta property=\"og:title\" content=\"Bridge reopens after repairs\">",
            "<article><h1><span class=\"kicker\">Transport</span>Bridge reopens after repairs</h1>"
                + STORY
                + "</article>");
    assertThat(e.title()).isEqualTo("Bridge reopens after repairs");
  }

  @Test
  void shouldNotTakeASectionNameHeadingForTheHeadline() {
    Extraction e =
        page(
            "<meta property=\"og:title\" content=\"Bridge reopens after six months of repairs\">",
            "<div class=\"section\"><h1>Pulse!</h1></div><article>" + STORY + "</article>");
    assertThat(e.title()).isEqualTo("Bridge reopens after six months of repairs");
  }

  @Test
  void shouldDropTheSiteNameTheHostSpellsOut() {
    Extraction e =
        page(
            "<link rel=\"canonical\" href=\"https://www.osha.gov/electrical\">"
                + "<title>Electrical safety at work | Occupational Safety and Health Administration</title>",
            "<article>" + STORY + "</article>");
    assertThat(e.title()).isEqualTo("Electrical safety at work");
  }

  @Test
  void shouldWriteAJavaDateStringAsIsoWithItsZone() {
    Extraction e =
        page(
            "<meta property=\"article:published_time\" content=\"Fri Apr 28 19:20:36 CEST 2023\">",
            "<article><h1>Bridge reopens</h1>" + STORY + "</article>");
    assertThat(e.published()).isEqualTo("2023-04-28T19:20:36+02:00");
  }

  @Test
  void shouldReadAGermanDateLineUnderTheHeadlineWhenTheMetadataHasNone() {
    Extraction e =
        page(
            "",
            "<div class=\"masthead\">Heute ist Montag</div><article><h1>Brücke wieder offen</h1>"
                + "<div>Veröffentlicht am 20. März 2026, 10:15 Uhr</div>"
                + STORY
                + "</article>");
    assertThat(e.published()).isEqualTo("2026-03-20T10:15:00");
  }

  @Test
  void shouldNotTakeAnUpdateStampForThePublicationDate() {
    // an update stamp fills the date only on a page that shows no other (HeaderMetadataTest)
    Extraction e =
        page(
            "",
            "<article><h1>Bridge reopens</h1><div>Mis à jour le 3 février 2026</div>"
                + "<div>Publié le 1 février 2026</div>"
                + STORY
                + "</article>");
    assertThat(e.published()).isEqualTo("2026-02-01");
  }

  @Test
  void shouldSplitAuthorsOnGermanAndSpanishConjunctionsAndDropBracketedInitials() {
    Extraction de =
        page(
            "<meta name=\"author\" content=\"Elena Oberholzer (obe) und Marc Brupbacher\">",
            "<article><h1>Brücke wieder offen</h1>" + STORY + "</article>");
    Extraction es =
        page(
            "<meta name=\"author\" content=\"Ana Ruiz y Tomás Bell\">",
            "<article><h1>Reabre el puente</h1>" + STORY + "</article>");
    assertThat(de.authors()).containsExactly("Elena Oberholzer", "Marc Brupbacher");
    assertThat(es.authors()).containsExactly("Ana Ruiz", "Tomás Bell");
  }

  @Test
  void shouldDropRolesDesksAndOtherCreditsFromAuthors() {
    Extraction e =
        page(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Bridge reopens\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},{\"@type\":\"Person\",\"name\":\"Redaktion\"},"
                + "{\"@type\":\"Person\",\"name\":\"Updated by John Roe\"},{\"@type\":\"Person\",\"name\":\"Content Marketing Coordinator\"}]}</script>",
            "<article><h1>Bridge reopens</h1>" + STORY + "</article>");
    assertThat(e.authors()).containsExactly("Jane Doe");
  }

  @Test
  void shouldReadAFrenchByline() {
    assertThat(Bylines.fromByline("Par Jeanne Martin et Paul Durand"))
        .containsExactly("Jeanne Martin", "Paul Durand");
  }
}
