package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The article-level decision: models, deciding sentences, and the time limit. */
class ArticleDecisionTest {
  private static Tagger load(String json) throws Exception {
    return Tagger.fromJson(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test taxonomy");
  }

  @Test
  void shouldGiveUpOnAGiantBodyWhenAPatternBacktracksPastTheTimeLimit() throws Exception {
    Tagger slow =
        load("{\"format\": 1, \"version\": \"s\", \"topics\": [{\"name\": \"slow\","
                + " \"rules\": [{\"id\": \"slow.r\", \"cue\": \"((a+)+)+b\"}]}]}")
            .withTimeout(Duration.ofMillis(200));
    String body = "aaaaaaaaaaaaaaaaaaaaaaaaaaa ".repeat(20_000);

    long started = System.nanoTime();
    assertThatThrownBy(() -> slow.tag("t", body, "en"))
        .isInstanceOf(TaggingTimeoutException.class)
        .hasMessageContaining("time limit");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    // the same tagger goes on with the next article
    assertThat(slow.tag("t", "nothing to see", "en")).isEmpty();
  }

  @Test
  void shouldRejectAModelThatNamesAnUnknownFeature() {
    assertThatThrownBy(
            () ->
                load(
                    "{\"format\": 1, \"version\": \"m\", \"topics\": [{\"name\": \"x\","
                        + " \"rules\": [{\"id\": \"x.r\", \"cue\": \"volcano\"}],"
                        + " \"model\": {\"weights\": {\"colour\": 1.0}, \"threshold\": 0.5}}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown feature colour");
  }

  @Test
  void shouldLetAModelOverruleTheRulesButNeverTagWhatTheRulesDoNotPropose() throws Exception {
    String rules =
        "\"rules\": [{\"id\": \"v.r\", \"cue\": \"volcano(es)?\"}, {\"id\": \"v.weak\","
            + " \"weight\": 0.5, \"cue\": \"ash\"}]";
    Tagger plain =
        load("{\"format\": 1, \"version\": \"p\", \"topics\": [{\"name\": \"v\", " + rules + "}]}");
    // a model that keeps only articles with the evidence in the title
    Tagger modelled =
        load(
            "{\"format\": 1, \"version\": \"m\", \"topics\": [{\"name\": \"v\", "
                + rules
                + ", \"model\": {\"weights\": {\"title\": 8.0}, \"bias\": -4.0,"
                + " \"threshold\": 0.5}}]}");
    String aside = "The town, famous for its volcano, voted on a new budget.";

    assertThat(plain.tag("Budget vote", aside, "en")).extracting(Tag::name).containsExactly("v");
    assertThat(modelled.tag("Budget vote", aside, "en")).isEmpty();
    List<Tag> kept = modelled.tag("Volcano erupts", "The volcano erupted at dawn.", "en");
    assertThat(kept).extracting(Tag::name).containsExactly("v");
    assertThat(kept.get(0).score()).isGreaterThan(0.5).isLessThan(1.0);
    // one weak cue alone is below the rule threshold: no model can tag it
    assertThat(modelled.tag("Ash", "Ash fell.", "en")).isEmpty();
  }

  @Test
  void shouldCarryTheSentencesThatDecidedEachTagWithTheirOffsets() {
    Tagger tagger = Tagger.loadDefault();
    String title = "Mexico rejects US troops on its soil";
    String text =
        "The weather was mild on Tuesday. The president said Mexico will never accept foreign"
            + " troops on its territory and called the plan a violation of national sovereignty."
            + " Markets closed higher.";

    List<Tag> tags = tagger.tag(title, text, "en");

    assertThat(tags).isNotEmpty();
    for (Tag t : tags) {
      assertThat(t.sentences()).isNotEmpty().hasSizeLessThanOrEqualTo(Engine.MAX_SENTENCES);
      for (Match s : t.sentences()) {
        String field = s.field().equals("title") ? title : text;
        assertThat(field.substring(s.start(), s.end())).isEqualTo(s.phrase());
        assertThat(s.phrase()).doesNotContain("weather").doesNotContain("Markets");
        assertThat(s.rule()).isNotBlank();
      }
    }
  }
}
