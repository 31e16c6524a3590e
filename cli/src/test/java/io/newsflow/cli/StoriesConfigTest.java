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
    assertThat(s.maxOpenStories()).isEqualTo(200_000);
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
  void shouldRefuseAWindowThatIsNotADurationSayingWhatWouldDo() {
    assertThatThrownBy(() -> NewsflowConfig.load(null, Map.of(), Map.of("stories.window", "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("stories.window")
        .hasMessageContaining("3d");
  }
}
