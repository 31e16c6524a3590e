package io.newsflow.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tag.Tagger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The language-neutral part of an article: what an English and a Spanish report share. */
class StoryFeaturesTest {
  private static final Places COUNTRIES = Places.countries(Tagger.loadDefault());

  @Test
  void shouldGiveAnEnglishAndASpanishSentenceTheSameNamesNumbersDatesAndCountries() {
    StoryFeatures en =
        StoryFeatures.of(
            "",
            "On Tuesday, March 3, the United States sent 2,300 tonnes of aid to Arequipa, Peru.",
            COUNTRIES);
    StoryFeatures es =
        StoryFeatures.of(
            "",
            "El martes 3 de marzo, Estados Unidos envió 2.300 toneladas de ayuda a Arequipa, Perú.",
            COUNTRIES);
    Set<String> shared = new HashSet<>(en.names().keySet());
    shared.retainAll(es.names().keySet());

    assertThat(shared)
        .contains("#2300", "#m3", "@arequipa", "#place:usa", "#place:peru")
        .doesNotContain("@on", "@el");
  }

  @Test
  void shouldTakeARunOfCapitalisedWordsAsOneNameButNotTheWordThatStartsASentence() {
    StoryFeatures f = StoryFeatures.of("", "Police said Marta Quiroga was arrested. Police left.");
    assertThat(f.names()).containsKeys("@marta quiroga", "@marta", "@quiroga");
    assertThat(f.names()).doesNotContainKey("@police");
    assertThat(f.words()).containsKeys("police", "arrested").doesNotContainKey("was");
  }

  @Test
  void shouldGiveACopyWithOneWordChangedANearbySimHashAndAnotherTextAFarOne() {
    String text =
        "Rescue teams searched collapsed houses in Chivay and Cabanaconde through the morning,"
            + " and the Colca Canyon road was closed by landslides after the earthquake struck.";
    long a = StoryFeatures.of("Quake", text).simhash();
    long b = StoryFeatures.of("Quake", text.replace("morning", "night")).simhash();
    long c =
        StoryFeatures.of("Final", "Rovers beat Athletic in the county cup final at Hollins Park.")
            .simhash();
    assertThat(SimHash.distance(a, b)).isLessThan(SimHash.distance(a, c));
    assertThat(SimHash.distance(a, c)).isGreaterThan(StorySettings.defaults().duplicateBits());
  }
}
