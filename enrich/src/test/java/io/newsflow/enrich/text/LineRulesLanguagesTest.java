package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The line rules in German, French, Portuguese and Italian, and story lines they leave alone. */
class LineRulesLanguagesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Lesen Sie auch: Die Brücke ist wieder offen | also-read",
        "Artikel teilen | share",
        "Folgen Sie uns auf WhatsApp | social",
        "Jetzt für unseren Newsletter anmelden | newsletter",
        "Foto: Keystone | credit",
        "Meistgelesen | tail",
        "Alle Rechte vorbehalten | copyright",
        "Lire aussi : le pont rouvre | also-read",
        "Partager sur Facebook | share",
        "Suivez-nous sur Telegram | social",
        "Inscrivez-vous à notre newsletter | newsletter",
        "Tous droits réservés | copyright",
        "Leia também: ponte reabre | also-read",
        "Compartilhe no WhatsApp | share",
        "Siga-nos no Instagram | social",
        "Mais lidas | tail",
        "Leggi anche: riapre il ponte | also-read",
      })
  void shouldDropTheInsertsOfEachLanguage(String line, String rule) {
    assertThat(BoilerplateRules.match(line)).isEqualTo(rule);
  }

  @Test
  void shouldKeepStoryLinesThatShareWordsWithTheRules() {
    assertThat(
            BoilerplateRules.match(
                "Die Gemeinde will ihre Bürger teilen lassen, wie das Geld ausgegeben wird."))
        .isNull();
    assertThat(BoilerplateRules.match("Le maire a dit qu'il faut lire aussi le rapport complet."))
        .isNull();
    assertThat(BoilerplateRules.match("Os leitores podem compartilhar a opinião na consulta."))
        .isNull();
  }
}
