package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
  @Test
  void shouldTellEnglishFromSpanishAndPortuguese() {
    assertThat(
            LanguageDetector.detect(
                "The minister said the army would not cross the border, and that talks with the neighbours were going well."))
        .isEqualTo("en");
    assertThat(
            LanguageDetector.detect(
                "El ministro dijo que el ejército no cruzaría la frontera y que las conversaciones con los vecinos iban bien."))
        .isEqualTo("es");
    assertThat(
            LanguageDetector.detect(
                "O ministro disse que o exército não cruzaria a fronteira e que as conversas com os vizinhos iam bem para o governo."))
        .isEqualTo("pt");
  }

  @Test
  void shouldNotTakeShortEnglishItemsForPortuguese() {
    assertThat(
            LanguageDetector.detect(
                "No troops as a rule: do as you are told, a general said to a crowd in a square."))
        .isEqualTo("en");
  }

  @Test
  void shouldAnswerNullWhenTheTextIsTooShortToTell() {
    assertThat(LanguageDetector.detect("OK")).isNull();
    assertThat(LanguageDetector.detect(null)).isNull();
  }

  @Test
  void shouldPreferWhatTheTextSaysToTheOutletsHint() {
    String english =
        LanguageDetector.detect(
            "The minister said the army would not cross the border, and that talks with the neighbours were going well.");
    assertThat(LanguageDetector.orHint(english, "es")).isEqualTo("en");
  }

  @Test
  void shouldFallBackToTheHintsLanguageWhenTheTextCannotTell() {
    assertThat(LanguageDetector.orHint(LanguageDetector.detect("Lula"), "pt-BR")).isEqualTo("pt");
    assertThat(LanguageDetector.orHint(null, "EN")).isEqualTo("en");
    assertThat(LanguageDetector.orHint(null, null)).isNull();
    assertThat(LanguageDetector.orHint(null, "not a tag")).isNull();
  }
}
