package io.newsflow.enrich.text;

import static io.newsflow.enrich.text.MetadataPages.STORY;
import static io.newsflow.enrich.text.MetadataPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A publication time the structured data gives in UTC, written at the site's own offset when the
 * page also gives it as local time (docs/extraction.md, 1.10.0): the same instant, on the day the
 * site's readers saw. Every page is written for this test.
 */
class PublicationOffsetTest {
  private static Extraction withDates(String jsonLdTime, String localMeta) {
    return page(
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            + "\"headline\":\"Harbour bridge reopens after repairs\",\"datePublished\":\""
            + jsonLdTime
            + "\"}</script><meta name=\"date\" content=\""
            + localMeta
            + "\">",
        "<article><h1>Harbour bridge reopens after repairs</h1>" + STORY + "</article>");
  }

  @Test
  void shouldWriteAUtcTimeAtTheOffsetTheSitesLocalTimeShows() {
    // 04:58:46 UTC on the 19th is 20:58:46 on the 18th in the site's zone, eight hours behind
    assertThat(withDates("2026-11-19T04:58:46Z", "2026-11-18 20:58:46").published())
        .isEqualTo("2026-11-18T20:58:46-08:00");
  }

  @Test
  void shouldWriteTheSecondsEvenWhenTheyAreZero() {
    assertThat(withDates("2026-11-19T04:58:00Z", "2026-11-18 23:58:00").published())
        .isEqualTo("2026-11-18T23:58:00-05:00");
  }

  @Test
  void shouldKeepUtcWhenTheOtherTimeIsNotTheSameInstant() {
    // different seconds: another time on the page, not the publication time in another zone
    assertThat(withDates("2026-11-19T04:58:46Z", "2026-11-18 20:58:12").published())
        .isEqualTo("2026-11-19T04:58:46Z");
    // on the hour, a match could be chance: nothing is inferred
    assertThat(withDates("2026-11-19T04:00:00Z", "2026-11-18 20:00:00").published())
        .isEqualTo("2026-11-19T04:00:00Z");
  }
}
