package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bylines and byline/date lines give names only: no "By", agency, role or date. */
class BylinesTest {
  @Test
  void shouldSplitABylineIntoNames() {
    assertThat(MetaLine.read("By Jane Doe and John Roe").authors())
        .containsExactly("Jane Doe", "John Roe");
    assertThat(MetaLine.read("Por María de la Cruz y José Luis Gómez").authors())
        .containsExactly("María de la Cruz", "José Luis Gómez");
    assertThat(MetaLine.read("Por María Pérez").authors()).containsExactly("María Pérez");
  }

  @Test
  void shouldDropTheAgencyAndKeepItApart() {
    MetaLine bar = MetaLine.read("Jane Doe | Reuters");
    assertThat(bar.authors()).containsExactly("Jane Doe");
    assertThat(bar.agency()).isEqualTo("Reuters");
    MetaLine comma = MetaLine.read("By JANE DOE, Reuters");
    assertThat(comma.authors()).containsExactly("Jane Doe");
    assertThat(comma.agency()).isEqualTo("Reuters");
    MetaLine onlyAgency = MetaLine.read("By Reuters");
    assertThat(onlyAgency.authors()).isEmpty();
    assertThat(onlyAgency.byline()).isTrue();
  }

  @Test
  void shouldDropRolesEditorsAndContext() {
    assertThat(MetaLine.read("By Jane Doe, Staff Writer").authors()).containsExactly("Jane Doe");
    assertThat(MetaLine.read("Reporting by Jane Doe; Editing by John Roe").authors())
        .containsExactly("Jane Doe");
    assertThat(MetaLine.read("By Jane Doe in Mexico City").authors()).containsExactly("Jane Doe");
  }

  @Test
  void shouldReadTheDateBesideTheByline() {
    MetaLine m = MetaLine.read("By Jane Doe | Published Nov. 20, 2026 10:15 AM ET");
    assertThat(m.authors()).containsExactly("Jane Doe");
    assertThat(TextDates.parseLine(m.date(), "en").iso()).isEqualTo("2026-11-20T10:15:00-05:00");
    MetaLine comma = MetaLine.read("By Jane Doe, Nov. 20, 2026");
    assertThat(comma.authors()).containsExactly("Jane Doe");
    assertThat(comma.date()).isEqualTo("Nov. 20, 2026");
    assertThat(MetaLine.read("By Jane Doe Updated Nov 20, 2026").updated()).isTrue();
  }

  @Test
  void shouldTakeABareNameOnlyBesideOtherMetadata() {
    assertThat(MetaLine.read("Jane Doe · 5 min read").authors()).containsExactly("Jane Doe");
    assertThat(MetaLine.read("Jane Doe")).isNull();
    assertThat(MetaLine.read("Jane Doe and John Roe")).isNull();
  }

  @Test
  void shouldNotReadSentencesHeadlinesOrMastheadsAsBylines() {
    assertThat(MetaLine.read("By Tuesday, the army had withdrawn from the town.")).isNull();
    assertThat(MetaLine.read("By Sunset Boulevard standards the film was short")).isNull();
    assertThat(MetaLine.read("CRBC News")).isNull();
    assertThat(MetaLine.read("Security")).isNull();
    assertThat(MetaLine.read("Harbour Ferry Fares Rise | Reuters")).isNull();
  }

  @Test
  void shouldReadARelativeTimeAsMetadataWithoutADate() {
    MetaLine m = MetaLine.read("Updated 3 hours ago");
    assertThat(m).isNotNull();
    assertThat(m.date()).isNull();
    assertThat(m.byline()).isFalse();
    assertThat(MetaLine.read("hace 2 horas").date()).isNull();
  }

  @Test
  void shouldCleanStructuredAuthorValues() {
    assertThat(Bylines.fromStructured("Jane Doe, John Roe", null))
        .containsExactly("Jane Doe", "John Roe");
    assertThat(Bylines.fromStructured("By Jane Doe | NJ Media for example.com", null))
        .containsExactly("Jane Doe");
    assertThat(Bylines.fromStructured("By TOM ROE, AP Auto Writer", null))
        .containsExactly("Tom Roe");
    assertThat(Bylines.fromStructured("Valley Post", "Valley Post")).isEmpty();
    assertThat(Bylines.fromStructured("https://social.example/jane.doe", null)).isEmpty();
    assertThat(Bylines.fromStructured("The Associated Press", null)).isEmpty();
    assertThat(Bylines.fromStructured("Redacción", null)).isEmpty();
    assertThat(Bylines.fromStructured("About Jane Doe", null)).containsExactly("Jane Doe");
  }

  @Test
  void shouldDedupeNamesIgnoringCaseAndAccents() {
    assertThat(Bylines.dedupe(java.util.List.of("María Pérez", "MARIA PEREZ", "John Roe")))
        .containsExactly("María Pérez", "John Roe");
  }
}
