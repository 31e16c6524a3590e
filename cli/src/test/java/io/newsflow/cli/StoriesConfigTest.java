package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The stories.* settings of the topology's story step. */
class StoriesConfigTest {
  @Test
  void shouldUseAThreeDayWindowAndADayOfLatenessByDefault() {
    var s = NewsflowConfig.load(null, Map.of(), Map.of()).storySettings();
    assertThat(s.window()).isEqualTo(Duration.ofDays(3));
    assertThat(s.lateness()).isEqualTo(Duration.ofDays(1));
    // the bound follows the heap this JVM may use, so a long run cannot outgrow it
    assertThat(s.maxOpenStories())
        .isEqualTo(
            io.newsflow.enrich.story.StorySettings.openStoriesForHeap(
                Runtime.getRuntime().maxMemory()));
  }

  @Test
  void shouldSizeTheBoundOfOpenStoriesToTheHeap() {
    // the launcher's 640 MB: 30% of it at 24 KB a story
    assertThat(io.newsflow.enrich.story.StorySettings.openStoriesForHeap(640L << 20))
        .isBetween(7_000, 9_000);
    // a heap too small for even a few stories still keeps a thousand open; a large one, 200,000
    assertThat(io.newsflow.enrich.story.StorySettings.openStoriesForHeap(16L << 20))
        .isEqualTo(1_000);
    assertThat(io.newsflow.enrich.story.StorySettings.openStoriesForHeap(64L << 30))
        .isEqualTo(200_000);
    // a configured bound wins over the heap's
    assertThat(
            NewsflowConfig.load(null, Map.of(), Map.of("stories.max.open", "123"))
                .storySettings()
                .maxOpenStories())
        .isEqualTo(123);
  }

  @Test
  void shouldSizeTheTermTableToTheHeapBesideTheOpenStories() {
    // 10% of the heap at 128 bytes a term, so the two growing parts of the step take 40% at most
    int terms = io.newsflow.enrich.story.StorySettings.vocabularyForHeap(640L << 20);
    assertThat(terms).isBetween(450_000, 600_000);
    long stories = io.newsflow.enrich.story.StorySettings.openStoriesForHeap(640L << 20);
    assertThat(
            terms * io.newsflow.enrich.story.StorySettings.HEAP_BYTES_PER_TERM
                + stories * io.newsflow.enrich.story.StorySettings.HEAP_BYTES_PER_OPEN_STORY)
        .isLessThanOrEqualTo((640L << 20) * 41 / 100);
    assertThat(io.newsflow.enrich.story.StorySettings.vocabularyForHeap(16L << 20))
        .isEqualTo(50_000);
    assertThat(io.newsflow.enrich.story.StorySettings.vocabularyForHeap(64L << 30))
        .isEqualTo(1_000_000);
    assertThat(NewsflowConfig.load(null, Map.of(), Map.of()).storySettings().maxVocabulary())
        .isEqualTo(
            io.newsflow.enrich.story.StorySettings.vocabularyForHeap(
                Runtime.getRuntime().maxMemory()));
    assertThat(
            NewsflowConfig.load(null, Map.of(), Map.of("stories.max.terms", "20000"))
                .storySettings()
                .maxVocabulary())
        .isEqualTo(20_000);
  }

  @Test
  void shouldTakeTheWindowAndBoundFromTheEnvironment() {
    var s =
        NewsflowConfig.load(
                null,
                Map.of("NEWSFLOW_STORIES_WINDOW", "36h", "NEWSFLOW_STORIES_MAX_OPEN", "5000"),
                Map.of())
            .storySettings();
    assertThat(s.window()).isEqualTo(Duration.ofHours(36));
    assertThat(s.maxOpenStories()).isEqualTo(5000);
  }

  @Test
  void shouldTakeTheJoinThresholdFromTheConfiguration() {
    assertThat(NewsflowConfig.load(null, Map.of(), Map.of()).storySettings().joinThreshold())
        .isEqualTo(io.newsflow.enrich.story.StorySettings.DEFAULT_JOIN_THRESHOLD);
    assertThat(
            NewsflowConfig.load(null, Map.of(), Map.of("stories.join.threshold", "0.3"))
                .storySettings()
                .joinThreshold())
        .isEqualTo(0.3);
    assertThatThrownBy(
            () -> NewsflowConfig.load(null, Map.of(), Map.of("stories.join.threshold", "1.5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("stories.join.threshold");
  }

  @Test
  void shouldRefuseAWindowThatIsNotADurationSayingWhatWouldDo() {
    assertThatThrownBy(() -> NewsflowConfig.load(null, Map.of(), Map.of("stories.window", "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("stories.window")
        .hasMessageContaining("3d");
  }
}
