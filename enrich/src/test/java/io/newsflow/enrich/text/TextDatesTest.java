package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Dates written for people, and in URLs, become ISO-8601; relative times give nothing. */
class TextDatesTest {
  private static String iso(String line) {
    TextDates.Found f = TextDates.parseLine(line, null);
    return f == null ? null : f.iso();
  }

  @Test
  void shouldKeepADateWithoutTimeAsADate() {
    assertThat(iso("Published: 20 November 2026")).isEqualTo("2026-11-20");
    assertThat(iso("Posted on November 20, 2026")).isEqualTo("2026-11-20");
    assertThat(iso("Thursday, Nov. 20, 2026")).isEqualTo("2026-11-20");
  }

  @Test
  void shouldWriteTheOffsetOfANamedUsZoneForThatDay() {
    assertThat(iso("Nov. 20, 2026 10:15 AM ET")).isEqualTo("2026-11-20T10:15:00-05:00");
    assertThat(iso("June 3, 2026 at 4:05 p.m. ET")).isEqualTo("2026-06-03T16:05:00-04:00");
    assertThat(iso("July 4, 2026 12:00 AM PT")).isEqualTo("2026-07-04T00:00:00-07:00");
  }

  @Test
  void shouldWriteUtcAsZAndLeaveAnUnnamedZoneOut() {
    assertThat(iso("Thu, 20 Nov 2026 10:15:00 GMT")).isEqualTo("2026-11-20T10:15:00Z");
    assertThat(iso("2026-11-20 10:15")).isEqualTo("2026-11-20T10:15:00");
    assertThat(iso("20 Nov 2026 10:15 GMT+1")).isEqualTo("2026-11-20T10:15:00+01:00");
  }

  @Test
  void shouldReadSpanishDates() {
    assertThat(iso("20 de noviembre de 2026")).isEqualTo("2026-11-20");
    assertThat(iso("Publicado el jueves 20 de noviembre de 2026, 10:15 h"))
        .isEqualTo("2026-11-20T10:15:00");
    assertThat(iso("Actualizado: 20/11/2026 - 14:30 CST")).isEqualTo("2026-11-20T14:30:00-06:00");
  }

  @Test
  void shouldReadNumericDatesOnlyWhenTheOrderIsClear() {
    assertThat(iso("20/11/2026")).isEqualTo("2026-11-20");
    assertThat(iso("11/20/2026")).isEqualTo("2026-11-20");
    assertThat(iso("20.11.2026")).isEqualTo("2026-11-20");
    assertThat(iso("05/06/2026")).isNull();
    assertThat(TextDates.parseLine("05/06/2026", "es").iso()).isEqualTo("2026-06-05");
  }

  @Test
  void shouldNotInventDatesFromRelativeWords() {
    assertThat(iso("Updated 3 hours ago")).isNull();
    assertThat(iso("Tuesday")).isNull();
    assertThat(iso("Nov. 20")).isNull();
    assertThat(iso("hace 2 horas")).isNull();
    assertThat(iso("31/02/2026")).isNull();
  }

  @Test
  void shouldTellAnUpdateFromAPublication() {
    assertThat(TextDates.parseLine("Updated: Nov. 19, 2026 5:30 p.m.", null).updated()).isTrue();
    assertThat(TextDates.parseLine("Actualizado el 19 de noviembre de 2026", null).updated())
        .isTrue();
    assertThat(TextDates.parseLine("Published: Nov. 19, 2026", null).updated()).isFalse();
  }

  @Test
  void shouldNotTakeASentenceWithADateForADateLine() {
    assertThat(iso("The bridge closed on 20 November 2026 for repairs to its deck.")).isNull();
  }

  @Test
  void shouldReadTheDateInAnArticleUrl() {
    assertThat(TextDates.fromUrl("https://news.example/world/2026/11/20/ferry-fares"))
        .isEqualTo("2026-11-20");
    assertThat(TextDates.fromUrl("https://news.example/2026-11-20/ferry-fares.html"))
        .isEqualTo("2026-11-20");
    assertThat(TextDates.fromUrl("https://news.example/2026/13/40/nothing")).isNull();
    assertThat(TextDates.fromUrl("https://news.example/articles/12345")).isNull();
    assertThat(TextDates.fromUrl(null)).isNull();
  }

  @Test
  void shouldNormaliseStructuredValuesAndPassUnknownOnesThrough() {
    assertThat(TextDates.normalize("2019-11-19 10:00:00+0100", null))
        .isEqualTo("2019-11-19T10:00:00+01:00");
    assertThat(TextDates.normalize("November 19, 2019, 07:47 PM EST", null))
        .isEqualTo("2019-11-19T19:47:00-05:00");
    assertThat(TextDates.normalize("yesterday", null)).isEqualTo("yesterday");
    assertThat(TextDates.normalize("  ", null)).isNull();
  }

  @Test
  void shouldReadTheTimeWrittenBeforeTheDate() {
    // "Posted: Fri 6:45 PM, Feb 16, 2018", as some station sites print it
    assertThat(iso("Posted: Fri 6:45 PM, Feb 16, 2026")).isEqualTo("2026-02-16T18:45:00");
    assertThat(iso("10:15, 20 November 2026")).isEqualTo("2026-11-20T10:15:00");
  }

  @Test
  void shouldReadTheTimeBesideAZoneItDoesNotKnowAsLocal() {
    // the offset of "AMT" is not guessed; the day and the time are still the page's
    assertThat(iso("November 20, 2026 - 11:28 AMT")).isEqualTo("2026-11-20T11:28:00");
  }

  @Test
  void shouldReadADateInBracketsAndAKoreanLabel() {
    assertThat(iso("[ 2026-11-20 15:24 ]")).isEqualTo("2026-11-20T15:24:00");
    assertThat(iso("기사입력 :[ 2026-11-20 15:24 ]")).isEqualTo("2026-11-20T15:24:00");
    TextDates.Found updated = TextDates.parseLine("수정 2026-11-21 09:00", "ko");
    assertThat(updated).isNotNull();
    assertThat(updated.updated()).isTrue();
  }

  @Test
  void shouldReadNumericDatesDayFirstInEveryLanguageButEnglish() {
    assertThat(TextDates.parseLine("05/10/2026", "pt").iso()).isEqualTo("2026-10-05");
    assertThat(TextDates.parseLine("05/10/2026", "fr").iso()).isEqualTo("2026-10-05");
    assertThat(TextDates.parseLine("05/10/2026", "de").iso()).isEqualTo("2026-10-05");
    // British day first, American month first: an English page's 05/10 stays unread
    assertThat(TextDates.parseLine("05/10/2026", "en")).isNull();
    assertThat(TextDates.parseLine("05/10/2026", null)).isNull();
  }
}
