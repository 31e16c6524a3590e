package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The matching machinery: offsets, sentences, boilerplate, the fast scan, thread safety. */
class EngineTest {
  private static final String NEWS =
      """
      Mexico's president said on Tuesday that US troops would not operate on Mexican soil. "That won't happen," she said.
      The U.S. embassy declined to comment. In 1914, US marines occupied Veracruz; the 1980s were calmer.
      Sheinbaum said cooperation would continue "between equals", and that sovereignty was not negotiable.

      ALSO READ: Haiti mission gets new commander
      Related Articles
      - Peru's bonds rally
      Follow us on WhatsApp""";

  @Test
  void shouldFoldWithoutMovingAnyCharacter() {
    String s = "Soberanía — “Intervención” ÑANDÚ\tİ";

    String folded = Folding.fold(s);

    assertThat(folded).hasSameSizeAs(s).startsWith("soberania - \"intervencion\" nandu ");
  }

  @Test
  void shouldSplitSentencesButNotAbbreviationsOrDecades() {
    String folded = Folding.fold(NEWS);

    int[] starts = Sentences.starts(folded);

    List<String> firstWords = new ArrayList<>();
    for (int s : starts) {
      firstWords.add(folded.substring(s, Math.min(folded.length(), s + 8)));
    }
    assertThat(firstWords).contains("\"that wo", "the u.s.", "sheinbau").doesNotContain("embassy ");
  }

  @Test
  void shouldBlankTrailingLinkLinesAndTheListUnderThem() {
    Taxonomy taxonomy = defaultTaxonomy();

    Field f = taxonomy.field("text", NEWS, 1);

    assertThat(f.folded)
        .hasSameSizeAs(NEWS)
        .doesNotContain("haiti", "bonds", "whatsapp")
        .contains("sovereignty");
  }

  private static final String NOTICIAS =
      """
      El Gobierno dijo que nunca autorizó la presencia de tropas extranjeras y que no permitirá que su territorio se convierta en un campo de batalla.
      Pescadores chinos faenaron sin licencia en la zona económica exclusiva; the nation's independence is at stake, said our minister.
      Ningún país puede redibujar el mapa: no recibimos órdenes del extranjero, y la agresión contra la nación fue condenada.""";

  @Test
  void shouldFindWhatAPlainRegexScanFindsAtWordStarts() {
    Taxonomy taxonomy = defaultTaxonomy();
    for (String text : List.of(NEWS, NOTICIAS)) {
      Field f = taxonomy.field("text", text, 1);
      for (Topic topic : taxonomy.topics) {
        for (Rule rule : topic.rules()) {
          assertThat(fastStarts(rule.cue(), f))
              .as(rule.id())
              .isEqualTo(plainStarts(rule.cue().pattern, f));
        }
      }
    }
  }

  /**
   * The scan skips a word unless its first four characters can begin the cue; on every labelled
   * test article (titles and bodies) and on texts ending in short words it still finds exactly what
   * the plain regex scan finds.
   */
  @Test
  void shouldFindWhatAPlainRegexScanFindsOnEveryTestArticleAndAtTheEndOfAField() throws Exception {
    Taxonomy taxonomy = defaultTaxonomy();
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String name :
        List.of(
            "heldout.jsonl",
            "heldout2.jsonl",
            "heldout3.jsonl",
            "heldout4.jsonl",
            "heldout5.jsonl",
            "heldout6.jsonl",
            "heldout7.jsonl",
            "heldout8.jsonl",
            "snippets.jsonl")) {
      try (var in = EngineTest.class.getResourceAsStream("/tag/" + name)) {
        assertThat(in).as(name).isNotNull();
        for (String line :
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank()) {
            var item = json.readTree(line);
            texts.add(item.path("title").asText(""));
            texts.add(item.path("text").asText(""));
          }
        }
      }
    }
    assertThat(texts).hasSizeGreaterThan(100);
    texts.addAll(
        List.of("US troops", "the U.S.", "a UN", "un", "us", "foreign troo", "on our soil"));
    int found = 0;
    for (String text : texts) {
      Field f = taxonomy.field("text", text, 1);
      for (Topic topic : taxonomy.topics) {
        for (Rule rule : topic.rules()) {
          List<Integer> plain = plainStarts(rule.cue().pattern, f);
          assertThat(fastStarts(rule.cue(), f)).as(rule.id() + " in: " + text).isEqualTo(plain);
          found += plain.size();
        }
      }
    }
    assertThat(found).as("cue matches in the test articles").isGreaterThan(100);
  }

  @Test
  void shouldLetTheNextSentenceOfTheParagraphNameTheOtherState() {
    Tagger tagger = Tagger.loadDefault();
    String text =
        "Russian troops entered the village on Monday. Ukraine's army said its units had pulled"
            + " back to new positions.";

    List<Tag> tags = tagger.tag("", text, "en");

    assertThat(tags).extracting(Tag::name).containsExactly("intervention");
    assertThat(tags.get(0).evidence())
        .filteredOn(m -> m.rule().equals("int.cross-border-force:country"))
        .extracting(Match::phrase)
        .contains("Russian", "Ukraine");
  }

  @Test
  void shouldNotBorrowAStateFromAnotherParagraphOrFromASentenceWithoutAnActOrWithAVeto() {
    Tagger tagger = Tagger.loadDefault();
    String otherParagraph =
        "Russian troops entered the village on Monday.\nUkraine's army said its units had pulled"
            + " back to new positions.";
    String noActOfItsOwn =
        "Mexico's army sent 2,000 soldiers to Culiacán after the clashes. The United States"
            + " designated the cartel a terrorist organisation last year.";
    String vetoed =
        "Brazil's army sent 3,000 soldiers to Roraima on Monday. Venezuela's government said it"
            + " had moved troops to the border as well.";

    for (String text : List.of(otherParagraph, noActOfItsOwn, vetoed)) {
      assertThat(tagger.tag("", text, "en")).as(text).isEmpty();
    }
  }

  @Test
  void shouldApplyEveryCueWhenTheDetectedLanguageHasNoCuesOfItsOwn() {
    Tagger tagger = Tagger.loadDefault();
    // short English that a stopword detector may call Portuguese ("a", "as", "do", "no")
    String text =
        "A sovereignty row: as the minister said, do no harm to a neighbour's sovereignty.";

    assertThat(tagger.tag("", text, "pt")).isEmpty();
    assertThat(tagger.tag("", text, null)).extracting(Tag::name).containsExactly("sovereignty");
    assertThat(tagger.tag("Sovereignty", "", null))
        .extracting(Tag::name)
        .containsExactly("sovereignty");
  }

  @Test
  void shouldGiveTheSameTagsFromManyThreads() throws Exception {
    Tagger tagger = Tagger.loadDefault();
    List<Tag> expected = tagger.tag("US troops", NEWS, null);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Tag>>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> tagger.tag("US troops", NEWS, null)));
      }
      for (Future<List<Tag>> r : results) {
        assertThat(r.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Integer> fastStarts(Cue cue, Field f) {
    List<Integer> out = new ArrayList<>();
    int[] word = new int[1];
    int k = 0;
    Matcher m;
    while ((m = cue.next(f, k, f.folded.length(), f.folded.length(), word)) != null) {
      out.add(m.start());
      k = word[0] + 1;
    }
    return out;
  }

  /** Every word start where the whole pattern matches, found the slow way. */
  private static List<Integer> plainStarts(Pattern p, Field f) {
    List<Integer> out = new ArrayList<>();
    Matcher m = p.matcher(f.folded).useTransparentBounds(true).useAnchoringBounds(false);
    for (int start : f.wordStarts) {
      m.region(start, f.folded.length());
      if (m.lookingAt()) {
        out.add(start);
      }
    }
    return out;
  }

  private static Taxonomy defaultTaxonomy() {
    try (var in = Tagger.class.getResourceAsStream(Tagger.DEFAULT_RESOURCE)) {
      return Taxonomy.read(in, Tagger.DEFAULT_RESOURCE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
