package io.newsflow.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.text.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window written to a state store and rebuilt from it decides as the uninterrupted one. */
class StoryStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A state store as a map, as the changelogged one holds it. */
  static final class MapState implements StoryState {
    final Map<String, byte[]> stories = new HashMap<>();
    final Map<String, Integer> terms = new HashMap<>();
    byte[] meta;

    @Override
    public void putStory(String storyId, byte[] state) {
      stories.put(storyId, state);
    }

    @Override
    public void removeStory(String storyId) {
      stories.remove(storyId);
    }

    @Override
    public void putTerm(String term, int documents) {
      if (documents == 0) {
        terms.remove(term);
      } else {
        terms.put(term, documents);
      }
    }

    @Override
    public void putMeta(byte[] meta) {
      this.meta = meta;
    }
  }

  @Test
  void shouldDecideAfterARestoreExactlyAsWithoutTheRestart() throws Exception {
    Path shared = SharedData.sharedDir();
    assumeTrue(shared != null, "../shared not found");
    Path file = shared.resolve("bench/stories/ecbplus.jsonl");
    assumeTrue(Files.exists(file), "ecbplus.jsonl not found");
    List<StoryArticle> articles = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      articles.add(JsonlStories.article(JSON.readTree(line)));
    }
    // a small bound, so that stories are closed (and removed from the store) along the way
    StorySettings settings = StorySettings.defaults().withMaxOpenStories(40);
    StoryClusterer running = new StoryClusterer(settings).keepChanges();
    MapState state = new MapState();
    int restartAt = 500;
    for (StoryArticle a : articles.subList(0, restartAt)) {
      running.assign(a);
      running.drainChanges(state);
    }
    assertThat(state.stories).hasSize(running.openStories()).hasSize(40);
    assertThat(state.terms).hasSize(running.vocabulary());

    StoryClusterer restarted = new StoryClusterer(settings).keepChanges();
    restarted.restore(state.meta, state.stories.values(), state.terms.entrySet());
    assertThat(restarted.openStories()).isEqualTo(running.openStories());

    int sameStory = 0;
    int compared = 0;
    for (StoryArticle a : articles.subList(restartAt, articles.size())) {
      Assignment x = running.assign(a);
      Assignment y = restarted.assign(a);
      compared++;
      if (x.storyId().equals(y.storyId())
          && java.util.Objects.equals(x.duplicateOf(), y.duplicateOf())
          && x.changed().equals(y.changed())) {
        sameStory++;
      }
    }
    assertThat(compared).isGreaterThan(400);
    assertThat(sameStory).as("assignments equal after the restore").isEqualTo(compared);
  }

  @Test
  void shouldRoundTripAStoryThroughItsStoredForm() {
    StoryClusterer c = new StoryClusterer(StorySettings.defaults()).keepChanges();
    MapState state = new MapState();
    c.assign(
        new StoryArticle(
            "a1",
            "Harbour bridge closed",
            "The Harbour Authority closed the Kestrel Bridge on Monday after 1,200 tonnes of"
                + " cargo shifted, officials in Puerto Lindo said.",
            "Daily",
            java.time.Instant.parse("2026-03-02T09:00:00Z"),
            "en",
            List.of("intervention")));
    c.drainChanges(state);
    byte[] stored = state.stories.get("story-a1");

    Story back = StateCodec.decode(stored);

    assertThat(StateCodec.encode(back)).isEqualTo(stored);
    assertThat(back.snapshot(null).articles())
        .extracting(ArticleRef::outlet, ArticleRef::language)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Daily", "en"));
    assertThat(back.tags).containsEntry("intervention", 1);
  }
}
