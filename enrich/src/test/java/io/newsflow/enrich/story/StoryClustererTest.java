package io.newsflow.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.ExtractorSettings;
import io.newsflow.enrich.text.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The story step on the seed corpus and on small articles written for these tests. */
class StoryClustererTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static StoryArticle article(
      String id, String outlet, String lang, String title, String text) {
    return new StoryArticle(id, title, text, outlet, T0, lang, List.of());
  }

  @Test
  void shouldPutTheFiveSeedsInOneStoryWithFiveOutletsAndLeaveAnUnrelatedArticleOut()
      throws Exception {
    Path shared = SharedData.sharedDir();
    assumeTrue(shared != null, "../shared/seeds not found");
    List<Path> seeds;
    try (Stream<Path> s = Files.list(shared.resolve("seeds"))) {
      seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    ArticleExtractor extractor = new ArticleExtractor(ExtractorSettings.defaults());
    StoryClusterer clusterer = new StoryClusterer(StorySettings.defaults());
    List<Assignment> out = new ArrayList<>();
    for (Path p : seeds) {
      Extraction e = extractor.extract(Files.readAllBytes(p), "UTF-8", "text/plain", null);
      String outlet = e.siteName() == null ? p.getFileName().toString() : e.siteName();
      out.add(
          clusterer.assign(
              new StoryArticle(
                  p.getFileName().toString(),
                  e.title(),
                  e.text(),
                  outlet,
                  JsonlStories.published(e.published()),
                  e.language(),
                  List.of("sovereignty"))));
    }
    assertThat(out).extracting(Assignment::storyId).containsOnly(out.get(0).storyId());
    StorySnapshot story = out.get(out.size() - 1).changed().get(0);
    assertThat(story.articleCount()).isEqualTo(5);
    assertThat(story.outlets()).hasSize(5);
    assertThat(story.tags()).containsEntry("sovereignty", 5);

    Assignment unrelated = clusterer.assign(article("x", "Other", "en", FOOTBALL_TITLE, FOOTBALL));
    assertThat(unrelated.storyId()).isNotEqualTo(out.get(0).storyId());
  }

  @Test
  void shouldKeepAnArticleSentAgainInItsStoryWithoutCountingItTwice() {
    StoryClusterer c = new StoryClusterer(StorySettings.defaults());
    Assignment first = c.assign(article("q1", "Wire", "en", QUAKE_EN_TITLE, QUAKE_EN));
    c.assign(article("f", "Other", "en", FOOTBALL_TITLE, FOOTBALL));

    Assignment again = c.assign(article("q1", "Wire", "en", QUAKE_EN_TITLE, QUAKE_EN));

    assertThat(again.storyId()).isEqualTo(first.storyId());
    assertThat(again.duplicateOf()).as("not a copy of itself").isNull();
    assertThat(again.changed().get(0).articleCount()).isEqualTo(1);
    assertThat(c.arrivals()).isEqualTo(2);
  }

  @Test
  void shouldJoinAnEnglishAndASpanishReportOfOneEventButNotAnotherEvent() {
    StoryClusterer c = new StoryClusterer(StorySettings.defaults());
    c.assign(article("f", "Other", "en", FOOTBALL_TITLE, FOOTBALL));
    Assignment en = c.assign(article("en", "Wire", "en", QUAKE_EN_TITLE, QUAKE_EN));
    Assignment es = c.assign(article("es", "Diario", "es", QUAKE_ES_TITLE, QUAKE_ES));
    Assignment other = c.assign(article("es2", "Diario", "es", FLOOD_ES_TITLE, FLOOD_ES));

    assertThat(es.storyId()).isEqualTo(en.storyId());
    assertThat(other.storyId()).isNotEqualTo(en.storyId());
    assertThat(es.changed().get(0).articles())
        .extracting(ArticleRef::language)
        .containsExactly("en", "es");
  }

  @Test
  void shouldMarkTheSameTextFromASecondOutletAsADuplicateOfTheFirst() {
    StoryClusterer c = new StoryClusterer(StorySettings.defaults());
    Assignment first = c.assign(article("a", "Wire", "en", QUAKE_EN_TITLE, QUAKE_EN));
    Assignment copy =
        c.assign(article("b", "Reprint", "en", QUAKE_EN_TITLE, QUAKE_EN + " Copyright Reprint."));
    Assignment rewrite =
        c.assign(article("c", "Own", "en", "Quake kills 14 in Peru's Arequipa", QUAKE_EN_REWRITE));

    assertThat(first.duplicateOf()).isNull();
    assertThat(copy.storyId()).isEqualTo(first.storyId());
    assertThat(copy.duplicateOf()).isEqualTo("a");
    assertThat(rewrite.storyId()).isEqualTo(first.storyId());
    assertThat(rewrite.duplicateOf()).isNull();
    assertThat(rewrite.changed().get(0).articles())
        .extracting(ArticleRef::duplicateOf)
        .containsExactly(null, "a", null);
  }

  @Test
  void shouldOpenANewStoryWhenTheSameKindOfReportComesLongAfterTheWindow() {
    StoryClusterer c = new StoryClusterer(StorySettings.defaults().withWindow(Duration.ofDays(2)));
    Assignment first = c.assign(article("a", "Wire", "en", QUAKE_EN_TITLE, QUAKE_EN));
    StoryArticle late =
        new StoryArticle(
            "b",
            QUAKE_EN_TITLE,
            QUAKE_EN_REWRITE,
            "Own",
            T0.plus(Duration.ofDays(30)),
            "en",
            List.of());
    assertThat(c.assign(late).storyId()).isNotEqualTo(first.storyId());
    assertThat(c.openStories()).as("the old story is closed").isEqualTo(1);
  }

  @Test
  void shouldKeepTwoLookAlikeEventsYearsApartApartEvenWhenTheirArticlesAreInterleaved() {
    StoryClusterer c = new StoryClusterer(StorySettings.defaults().withLateness(null));
    Instant y2019 = Instant.parse("2019-08-01T10:00:00Z");
    Instant y2023 = Instant.parse("2023-02-10T10:00:00Z");
    String a1 = c.assign(dated("a1", QUAKE_EN, y2019)).storyId();
    String b1 = c.assign(dated("b1", QUAKE_EN_REWRITE, y2023)).storyId();
    String a2 = c.assign(dated("a2", QUAKE_EN_REWRITE, y2019.plus(Duration.ofHours(5)))).storyId();
    String b2 = c.assign(dated("b2", QUAKE_EN, y2023.plus(Duration.ofHours(2)))).storyId();

    assertThat(b1).isNotEqualTo(a1);
    assertThat(a2).as("a late 2019 article still finds its story").isEqualTo(a1);
    assertThat(b2).isEqualTo(b1);
  }

  private static StoryArticle dated(String id, String text, Instant published) {
    return new StoryArticle(id, QUAKE_EN_TITLE, text, id, published, "en", List.of());
  }

  @Test
  void shouldKeepNoMoreOpenStoriesThanTheBoundHoweverLongItRuns() {
    StoryClusterer c = new StoryClusterer(StorySettings.defaults().withMaxOpenStories(50));
    for (int i = 0; i < 2_000; i++) {
      String name = "Person" + Integer.toString(i, 36) + " Place" + Integer.toString(i * 7, 36);
      c.assign(
          new StoryArticle(
              "a" + i,
              name + " opens " + i,
              name + " spoke about item " + i,
              null,
              null,
              null,
              List.of()));
      assertThat(c.openStories()).isLessThanOrEqualTo(50);
    }
  }

  @Test
  void shouldMergeTwoStoriesWhenAnArticleShowsTheyAreOne() {
    StoryClusterer c = new StoryClusterer(StorySettings.defaults().withThresholds(0.22, 0.3, 0.5));
    c.assign(article("f", "Other", "en", FOOTBALL_TITLE, FOOTBALL));
    Assignment a = c.assign(article("a", "Wire", "en", QUAKE_EN_TITLE, QUAKE_EN));
    Assignment b = c.assign(article("b", "Diario", "es", FLOOD_ES_TITLE, FLOOD_ES));
    assertThat(b.storyId()).isNotEqualTo(a.storyId());
    Assignment both =
        c.assign(
            article(
                "c",
                "Digest",
                "en",
                QUAKE_EN_TITLE + " " + FLOOD_ES_TITLE,
                QUAKE_EN + " " + FLOOD_ES));
    assertThat(both.changed()).hasSize(2);
    StorySnapshot gone = both.changed().get(1);
    assertThat(gone.mergedInto()).isEqualTo(both.storyId());
    assertThat(both.changed().get(0).articleCount()).isEqualTo(3);
  }

  // Articles written for these tests (invented events, no real reporting).
  static final String QUAKE_EN_TITLE = "Magnitude 6.8 earthquake strikes Arequipa, Peru";
  static final String QUAKE_EN =
      "A magnitude 6.8 earthquake struck the Arequipa region of southern Peru on Tuesday, March 3,"
          + " killing at least 14 people and damaging 2,300 homes, Peru's civil defence agency"
          + " INDECI said. The quake hit at 04:12 local time near the town of Chivay, at a depth"
          + " of 35 kilometres. President Dina Boluarte flew to Arequipa and promised aid. Rescue"
          + " teams searched collapsed houses in Chivay and Cabanaconde through the morning, and"
          + " the Colca Canyon road was closed by landslides.";
  static final String QUAKE_EN_REWRITE =
      "Fourteen people died when a strong earthquake shook Arequipa in Peru early on Tuesday, March"
          + " 3. INDECI, the civil defence agency, counted 2,300 damaged homes around Chivay."
          + " Dina Boluarte visited the area; the road through Colca Canyon is blocked.";
  static final String QUAKE_ES_TITLE = "Sismo de magnitud 6,8 sacude Arequipa, en Perú";
  static final String QUAKE_ES =
      "Un sismo de magnitud 6,8 sacudió la región de Arequipa, en el sur del Perú, el martes 3 de"
          + " marzo, con al menos 14 muertos y 2.300 viviendas dañadas, informó el INDECI. El"
          + " temblor ocurrió a las 04:12 hora local cerca de Chivay, a 35 kilómetros de"
          + " profundidad. La presidenta Dina Boluarte viajó a Arequipa y prometió ayuda. Los"
          + " rescatistas buscaron sobrevivientes en Chivay y Cabanaconde, y la vía del Cañón del"
          + " Colca quedó cerrada por deslizamientos.";
  static final String FLOOD_ES_TITLE = "Inundaciones en Valencia obligan a evacuar a 600 vecinos";
  static final String FLOOD_ES =
      "Las lluvias torrenciales del domingo desbordaron el río Turia a su paso por Valencia y"
          + " obligaron a evacuar a 600 vecinos de Paterna y Manises, según la Generalitat. La"
          + " Agencia Estatal de Meteorología mantuvo la alerta roja durante la noche y el"
          + " alcalde Joan Ribó pidió no circular por la V-30.";
  static final String FOOTBALL_TITLE = "Rovers beat Athletic 3-1 to reach the cup final";
  static final String FOOTBALL =
      "Kenji Watanabe scored twice as Millbrook Rovers beat Eastport Athletic 3-1 on Saturday to"
          + " reach the county cup final. Rovers manager Alan Whitcombe praised his defence, and"
          + " the final will be played at Hollins Park in May.";
}
