package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metadata read from scraped text: outlet, title, authors, dates and dateline. */
class PlainTextMetadataTest {
  private static final ArticleExtractor EXTRACTOR =
      new ArticleExtractor(ExtractorSettings.defaults());
  private static final String STORY =
      String.join(
          "\n",
          "PORTHAVEN (AP) — Ferry fares across the bay will rise by a fifth from next month, the harbour board said on Thursday, blaming fuel costs.",
          "The board said a single crossing would cost 6.40 pounds, up from 5.30, and that season tickets would keep their old price.",
          "\"Nobody wants to pay more to get to work, but the boats have to run,\" the board's chair told reporters at the quay.");

  private static Extraction text(String... lines) {
    return EXTRACTOR.extractText(String.join("\n", lines), null);
  }

  @Test
  void shouldReadMastheadBylineDateAndDatelineAroundTheStory() {
    Extraction e =
        text(
            "Harbour Gazette",
            "Politics",
            "Ferry fares across the bay will rise by a fifth next month",
            "By Ana Ruiz and Tom Bell",
            "Published: 20 November 2026",
            STORY,
            "© 2026 Harbour Media Group. All rights reserved.");
    assertThat(e.siteName()).isEqualTo("Harbour Gazette");
    assertThat(e.title()).isEqualTo("Ferry fares across the bay will rise by a fifth next month");
    assertThat(e.authors()).containsExactly("Ana Ruiz", "Tom Bell");
    assertThat(e.published()).isEqualTo("2026-11-20");
    assertThat(e.dateline()).isEqualTo("PORTHAVEN");
    assertThat(e.paragraphs())
        .hasSize(3)
        .noneMatch(p -> p.startsWith("By ") || p.startsWith("Published"));
    assertThat(e.removed())
        .anyMatch(r -> r.reason().equals("rule:byline"))
        .anyMatch(r -> r.reason().equals("rule:date"));
  }

  @Test
  void shouldReturnNullTitleWhenTheTextStartsWithTheStory() {
    Extraction e = text(STORY);
    assertThat(e.title()).isNull();
    assertThat(e.paragraphs()).hasSize(3);
  }

  @Test
  void shouldNeverTakeABylineOrDateLineForTheTitle() {
    Extraction e =
        text("By Ana Ruiz and Tom Bell", "Thursday, November 20, 2026 10:15 AM ET", STORY);
    assertThat(e.title()).isNull();
    assertThat(e.authors()).containsExactly("Ana Ruiz", "Tom Bell");
    assertThat(e.published()).isEqualTo("2026-11-20T10:15:00-05:00");
  }

  @Test
  void shouldTakeTheDatelineAgencyAsOutletWhenNothingBetterIsKnown() {
    Extraction e =
        text(
            "MEXICO CITY (Realist Courant). President Ana Torres dismissed the possibility of a foreign military operation in the country on Tuesday.",
            "Her remarks came after reports that such an operation had been discussed by officials in the neighbouring country.");
    assertThat(e.siteName()).isEqualTo("Realist Courant");
    assertThat(e.dateline()).isEqualTo("MEXICO CITY");
  }

  @Test
  void shouldPreferTheMastheadToTheDatelineAgency() {
    Extraction e =
        text("Harbour Gazette", "Ferry fares across the bay will rise next month", STORY);
    assertThat(e.siteName()).isEqualTo("Harbour Gazette");
  }

  @Test
  void shouldSplitTheOutletOffATitleSuffix() {
    Extraction e = text("Ferry fares across the bay will rise next month | Harbour Gazette", STORY);
    assertThat(e.title()).isEqualTo("Ferry fares across the bay will rise next month");
    assertThat(e.siteName()).isEqualTo("Harbour Gazette");
  }

  @Test
  void shouldNotTakeARelativeTimeForAPublicationDate() {
    Extraction e =
        text("Ferry fares across the bay will rise next month", "Updated 3 hours ago", STORY);
    assertThat(e.published()).isNull();
    assertThat(e.modified()).isNull();
    assertThat(e.title()).isEqualTo("Ferry fares across the bay will rise next month");
    assertThat(e.removed()).anyMatch(r -> r.text().equals("Updated 3 hours ago"));
  }

  @Test
  void shouldReadAnUpdateLineAsModifiedNotPublished() {
    Extraction e =
        text(
            "Ferry fares across the bay will rise next month",
            "Updated: Nov. 21, 2026 9:00 AM ET",
            STORY);
    assertThat(e.published()).isNull();
    assertThat(e.modified()).isEqualTo("2026-11-21T09:00:00-05:00");
  }

  @Test
  void shouldFallBackToTheDateInTheUrl() throws Exception {
    String url = "https://news.example/bay/2026/11/19/ferry-fares";
    byte[] body = STORY.getBytes(StandardCharsets.UTF_8);
    assertThat(EXTRACTOR.extract(body, "UTF-8", "text/plain", url).published())
        .isEqualTo("2026-11-19");
    Extraction dated = EXTRACTOR.extractText("Published: 20 November 2026\n" + STORY, url);
    assertThat(dated.published()).isEqualTo("2026-11-20");
  }

  @Test
  void shouldReadBylinesAndDatesAfterTheStory() {
    Extraction e =
        text(STORY, "Reporting by Ana Ruiz; Editing by Tom Bell", "Published 20 November 2026");
    assertThat(e.authors()).containsExactly("Ana Ruiz");
    assertThat(e.published()).isEqualTo("2026-11-20");
    assertThat(e.paragraphs()).hasSize(3);
  }

  @Test
  void shouldReadASpanishArticle() {
    Extraction e =
        text(
            "Por María Pérez",
            "20 de noviembre de 2026",
            "CIUDAD DE MÉXICO (EFE).— La presidenta descartó este martes cualquier operación militar extranjera en el territorio del país.",
            "La mandataria dijo que la cooperación en seguridad con el país vecino seguirá, pero sin subordinación ni intervención.");
    assertThat(e.authors()).containsExactly("María Pérez");
    assertThat(e.published()).isEqualTo("2026-11-20");
    assertThat(e.dateline()).isEqualTo("CIUDAD DE MÉXICO");
    assertThat(e.siteName()).isEqualTo("EFE");
    assertThat(e.language()).isEqualTo("es");
  }

  @Test
  void shouldTakeTheCopyrightOwnerWhenThereIsNoMasthead() {
    Extraction e =
        text(
            "Ferry fares across the bay will rise next month",
            STORY,
            "© 2026 Harbour Media Group. All rights reserved.");
    assertThat(e.siteName()).isEqualTo("Harbour Media Group");
  }

  private static final String HEADLINE =
      "Ferry fares across the bay will rise by a fifth next month";

  /** {@link #STORY} without its dateline agency, which would name an outlet of its own. */
  private static final String BARE_STORY = STORY.replace("PORTHAVEN (AP) — ", "");

  @Test
  void shouldTakeANameLineOverASectionLineAsTheOutletWhateverTheNameIsMadeOf() {
    // names with no word publications are named with, of one to four words, in either language
    for (String name : List.of("Brightwater", "Voz del Valle", "Kestrel Bay Signal", "Ojo Norte")) {
      for (String section : List.of("Security", "Sociedad", "Local Affairs")) {
        Extraction e = text(name, section, HEADLINE, BARE_STORY);
        assertThat(e.siteName()).as(name + " / " + section).isEqualTo(name);
        assertThat(e.title()).isEqualTo(HEADLINE);
      }
    }
  }

  @Test
  void shouldNotTakeAKickerADatelineOrAHeadlineForTheOutlet() {
    // a kicker over a section line, a dateline in capitals, a headline that opens the text, a name
    // line with no section line under it (it may be a kicker), a lone section label
    assertThat(text("Exclusive", "Politics", HEADLINE, BARE_STORY).siteName()).isNull();
    assertThat(text("EXCLUSIVE", "Politics", HEADLINE, BARE_STORY).siteName()).isNull();
    assertThat(text("Análisis", "Economía", HEADLINE, BARE_STORY).siteName()).isNull();
    assertThat(text("MEXICO CITY", "Security", HEADLINE, BARE_STORY).siteName()).isNull();
    assertThat(text(HEADLINE, "Politics", BARE_STORY).siteName()).isNull();
    assertThat(text("Brightwater", HEADLINE, BARE_STORY).siteName()).isNull();
    assertThat(text("Politics", "World", HEADLINE, BARE_STORY).siteName()).isNull();
    assertThat(text("Ferries to cost 20% more", "Politics", HEADLINE, BARE_STORY).siteName())
        .isNull();
  }
}
