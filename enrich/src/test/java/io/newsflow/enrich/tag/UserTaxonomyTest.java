package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user adds a topic in a taxonomy file and tags with it, without recompiling anything. */
class UserTaxonomyTest {
  /** An invented topic, as a user would add it to the "topics" list. */
  private static final String VOLCANO_TOPIC =
      """
      {
        "name": "volcanoes",
        "threshold": 1.0,
        "rules": [
          {"id": "volcano.eruption", "weight": 1.0, "cue": ["erupt(s|ed|ing|ion|ions)?", "erupc(ion|iones)", "entr[oa] en erupcion"],
           "all": ["volcan(o|oes|ic|es)?"], "none": [{"pattern": "(anger|protests?|violence|laughter)", "window": 20}]},
          {"id": "volcano.ash", "weight": 0.5, "maxCount": 2, "cue": ["ash (cloud|plume|fall)", "ceniza"]}
        ]
      }
      """;

  private static final String VOLCANO_TAXONOMY =
      "{\"format\": 1, \"version\": \"user-2026-01\", \"topics\": [" + VOLCANO_TOPIC + "]}";

  @TempDir Path dir;

  private Tagger load(String json) throws IOException {
    Path file = dir.resolve("taxonomy.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return Tagger.load(file);
  }

  @Test
  void shouldTagWithAnInventedTopicFromAUserFile() throws IOException {
    Tagger tagger = load(VOLCANO_TAXONOMY);

    List<Tag> tags =
        tagger.tag(
            "Volcano erupts near the capital",
            "The volcano erupted on Sunday, sending an ash plume over the airport.",
            null);

    assertThat(tagger.version()).isEqualTo("user-2026-01");
    assertThat(tagger.topicNames()).containsExactly("volcanoes");
    assertThat(tags).extracting(Tag::name).containsExactly("volcanoes");
    assertThat(tags.get(0).evidence()).extracting(Match::phrase).contains("erupts", "ash plume");
  }

  @Test
  void shouldHonourTheUserVetoAndContext() throws IOException {
    Tagger tagger = load(VOLCANO_TAXONOMY);

    assertThat(tagger.tag("", "Protests erupted in the capital over fuel prices.", null)).isEmpty();
    assertThat(tagger.tag("", "Anger erupted near the volcano museum after the fee rise.", null))
        .isEmpty();
    assertThat(tagger.tag("", "El volcán entró en erupción y la ceniza cubrió la ciudad.", null))
        .extracting(Tag::name)
        .containsExactly("volcanoes");
  }

  @Test
  void shouldKeepShippedTopicsWhenAUserExtendsACopyOfTheShippedFile() throws IOException {
    String shipped =
        new String(
            Tagger.class.getResourceAsStream(Tagger.DEFAULT_RESOURCE).readAllBytes(),
            StandardCharsets.UTF_8);
    String extended =
        shipped
            .replace("\"topics\": [", "\"topics\": [" + VOLCANO_TOPIC + ",")
            .replace("\"version\": \"", "\"version\": \"user+");

    Tagger tagger = load(extended);

    assertThat(tagger.topicNames()).contains("volcanoes", "sovereignty", "intervention");
    assertThat(tagger.version()).startsWith("user+");
    assertThat(
            tagger.tag(
                "Volcano erupts", "The volcano erupted, and Iceland closed its airspace.", "en"))
        .extracting(Tag::name)
        .containsExactly("volcanoes");
  }

  @Test
  void shouldRejectAMalformedTaxonomyNamingTheRule() throws IOException {
    String broken = VOLCANO_TAXONOMY.replace("erupc(ion|iones)", "{NO_SUCH_LEXICON}");

    assertThatThrownBy(() -> load(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volcano.eruption")
        .hasMessageContaining("NO_SUCH_LEXICON");
  }

  @Test
  void shouldRejectABadRegexNamingTheRule() throws IOException {
    String broken = VOLCANO_TAXONOMY.replace("\"ceniza\"", "\"ceniza(\"");

    assertThatThrownBy(() -> load(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volcano.ash");
  }

  @Test
  void shouldTestAnEntityConditionAgainstTheGazetteerNearTheCue() throws IOException {
    String json =
        """
        {"format": 1, "version": "user-entity", "entities": {"country": {"chile": "chile|chilean[s]?"}},
         "topics": [{"name": "claims", "rules": [
           {"id": "claims.aggression", "cue": "aggression against", "all": [{"entity": "country", "window": 10}]}]}]}
        """;
    Tagger tagger = load(json);

    assertThat(tagger.tag("", "It was an aggression against Chile, the minister said.", null))
        .extracting(Tag::name)
        .containsExactly("claims");
    assertThat(
            tagger.tag(
                "", "It was an aggression against the team, said the coach, who is Chilean.", null))
        .isEmpty();
  }

  @Test
  void shouldFireACueThatStartsWithALookbehind() throws IOException {
    String json =
        """
        {"format": 1, "version": "user-lookbehind", "topics": [{"name": "independence", "rules": [
          {"id": "independence.ours", "cue": "(?<=(our|the nation's) )independence"}]}]}
        """;
    Tagger tagger = load(json);

    assertThat(tagger.tag("", "They will defend the nation's independence.", null))
        .extracting(Tag::name)
        .containsExactly("independence");
    assertThat(tagger.tag("", "Independence Day is a holiday.", null)).isEmpty();
  }

  @Test
  void shouldRejectAConditionOnAnUnknownEntityType() throws IOException {
    String json =
        """
        {"format": 1, "version": "user-bad", "topics": [{"name": "t", "rules": [
          {"id": "t.r", "cue": "x", "all": [{"entity": "planet"}]}]}]}
        """;

    assertThatThrownBy(() -> load(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t.r")
        .hasMessageContaining("planet");
  }
}
