package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Datelines give the place only; the agency in parentheses is kept apart. */
class DatelinesTest {
  private static final String REST =
      " The council said on Thursday that the new rules would apply.";

  private static Datelines.Dateline read(String opening) {
    return Datelines.read(opening + REST);
  }

  @Test
  void shouldReturnThePlaceOnlyFromAnAgencyDateline() {
    Datelines.Dateline d = read("MEXICO CITY (Reuters) —");
    assertThat(d.place()).isEqualTo("MEXICO CITY");
    assertThat(d.agency()).isEqualTo("Reuters");
    assertThat(read("NEW YORK (AP) —").place()).isEqualTo("NEW YORK");
  }

  @Test
  void shouldDropThePeriodAfterAnAgencyInParentheses() {
    Datelines.Dateline d = read("MEXICO CITY (Realist English).");
    assertThat(d.place()).isEqualTo("MEXICO CITY");
    assertThat(d.agency()).isEqualTo("Realist English");
  }

  @Test
  void shouldKeepTheRegionOfAMixedCasePlace() {
    assertThat(read("Mexico City, Mexico -").place()).isEqualTo("Mexico City, Mexico");
    assertThat(read("KYIV, Ukraine (AP) —").place()).isEqualTo("KYIV, Ukraine");
  }

  @Test
  void shouldDropTheDateBetweenPlaceAndAgency() {
    Datelines.Dateline london = read("LONDON, Nov 20 (Reuters) -");
    assertThat(london.place()).isEqualTo("LONDON");
    assertThat(london.agency()).isEqualTo("Reuters");
    assertThat(read("WASHINGTON, Nov. 19 (Xinhua) --").place()).isEqualTo("WASHINGTON");
    assertThat(read("Madrid, 20 de noviembre de 2026 (Europa Press) -").place())
        .isEqualTo("Madrid");
  }

  @Test
  void shouldReadSpanishAgencyDatelinesWithPeriodAndDash() {
    Datelines.Dateline efe = read("CIUDAD DE MÉXICO (EFE).—");
    assertThat(efe.place()).isEqualTo("CIUDAD DE MÉXICO");
    assertThat(efe.agency()).isEqualTo("EFE");
    assertThat(read("BOGOTÁ, 20 nov (EFE).-").place()).isEqualTo("BOGOTÁ");
    assertThat(read("Ciudad de México.—").place()).isEqualTo("Ciudad de México");
  }

  @Test
  void shouldReadADashOnlyDatelineWithoutAgency() {
    Datelines.Dateline d = read("WASHINGTON —");
    assertThat(d.place()).isEqualTo("WASHINGTON");
    assertThat(d.agency()).isNull();
    assertThat(read("BERLIN --").place()).isEqualTo("BERLIN");
  }

  @Test
  void shouldKeepThePeriodThatEndsAnAbbreviatedState() {
    assertThat(read("BUFFALO, N.Y. —").place()).isEqualTo("BUFFALO, N.Y.");
    assertThat(read("HAYWARD, Calif. (AP) —").place()).isEqualTo("HAYWARD, Calif.");
  }

  @Test
  void shouldNotTakeStoryLabelsOrSalutationsForPlaces() {
    assertThat(read("BREAKING:")).isNull();
    assertThat(read("FILE —")).isNull();
    assertThat(read("ANALYSIS -")).isNull();
    assertThat(read("DEAR ABBY:")).isNull();
    assertThat(read("ÚLTIMA HORA:")).isNull();
  }

  @Test
  void shouldFindNoDatelineInAPlainSentence() {
    assertThat(
            Datelines.read(
                "President Claudia Sheinbaum firmly dismissed reports that the plan had been approved."))
        .isNull();
    assertThat(Datelines.read(null)).isNull();
  }

  @Test
  void shouldLookOnlyAtTheFirstTwoParagraphs() {
    String dated = "LONDON (Reuters) -" + REST;
    assertThat(Datelines.find(List.of("A standfirst that sums the story up in a sentence.", dated)))
        .isEqualTo("LONDON");
    assertThat(Datelines.find(List.of("One.", "Two sentences here, nothing more.", dated)))
        .isNull();
  }

  @Test
  void shouldNeverEndThePlaceWithADashColonOrComma() {
    for (String opening :
        List.of("PARIS:", "ROME —", "LIMA, Peru —", "QUITO (AFP) —", "Santiago de Chile —")) {
      assertThat(read(opening).place()).doesNotMatch(".*[\\s,:;\\-—–]$");
    }
  }
}
