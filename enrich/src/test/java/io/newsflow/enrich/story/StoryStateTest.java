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
    final Map<String, byte[]> terms = new HashMap<>();
    final Map<String, Integer> oldTerms = new HashMap<>();
    byte[] meta;
    long termPuts;

    @Override
    public void putStory(String storyId, byte[] state) {
      stories.put(storyId, state);
    }

    @Override
    public void removeStory(String storyId) {
      stories.remove(storyId);
    }

    @Override
    public void putTerms(String key, byte[] bytes) {
      termPuts++;
      if (bytes == null) {
        terms.remove(key);
      } else {
        terms.put(key, bytes);
      }
    }

    @Override
    public void removeOldTerm(String term) {
      oldTerms.remove(term);
    }

    @Override
    public void putMeta(byte[] meta) {
      this.meta = meta;
    }

    /** A new clusterer rebuilt from what this store holds now. */
    StoryClusterer restore(StorySettings settings) {
      StoryClusterer c = new StoryClusterer(settings).keepChanges();
      c.restore(meta, stories.values(), new HashMap<>(terms), oldTerms.entrySet());
      return c;
    }
  }

  static List<StoryArticle> ecbplus() throws Exception {
    Path shared = SharedData.sharedDir();
    assumeTrue(shared != null, "../shared not found");
    Path file = shared.resolve("bench/stories/ecbplus.jsonl");
    assumeTrue(Files.exists(file), "ecbplus.jsonl not found");
    List<StoryArticle> articles = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      articles.add(JsonlStories.article(JSON.readTree(line)));
    }
    return articles;
  }

  /** Same decisions on every article, same story states. */
  private static void assertSameDecisions(
      StoryClusterer running, StoryClusterer restarted, List<StoryArticle> rest) {
    int sameStory = 0;
    for (StoryArticle a : rest) {
      Assignment x = running.assign(a);
      Assignment y = restarted.assign(a);
      if (x.storyId().equals(y.storyId())
          && java.util.Objects.equals(x.duplicateOf(), y.duplicateOf())
          && x.changed().equals(y.changed())) {
        sameStory++;
      }
    }
    assertThat(sameStory).as("assignments equal after the restore").isEqualTo(rest.size());
  }

  @Test
  void shouldDecideAfterARestoreExactlyAsWithoutTheRestart() throws Exception {
    List<StoryArticle> articles = ecbplus();
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
    // one record an article (and a checkpoint now and then), not one a term
    assertThat(state.termPuts).isLessThan(3L * restartAt);

    StoryClusterer restarted = state.restore(settings);
    assertThat(restarted.openStories()).isEqualTo(running.openStories());
    assertThat(restarted.termStats().table()).isEqualTo(running.termStats().table());

    assertThat(articles.size() - restartAt).isGreaterThan(400);
    assertSameDecisions(running, restarted, articles.subList(restartAt, articles.size()));
  }

  /**
   * The stored term table (checkpoint plus log) equals the running one after every article, through
   * checkpoints and halvings of the vocabulary: a state change the store lost would show up as a
   * difference in the table, the counters or the next decisions.
   */
  @Test
  void shouldKeepEveryTermCountThroughCheckpointsAndHalvings() throws Exception {
    List<StoryArticle> articles = ecbplus();
    // 3,000 terms at most: the ecbplus stream halves the table many times
    StorySettings settings =
        new StorySettings(
            java.time.Duration.ofDays(3),
            java.time.Duration.ofDays(1),
            40,
            0.22,
            0.5,
            0.5,
            3,
            256,
            3000);
    StoryClusterer running = new StoryClusterer(settings).keepChanges();
    // a checkpoint every ~25 articles instead of every ~500, so that many are crossed
    running.termStats().logLimit(5000);
    MapState state = new MapState();
    int checkpoints = 0;
    int restores = 0;
    for (int i = 0; i < 700; i++) {
      running.assign(articles.get(i));
      byte[] headerBefore = state.terms.get(TermStats.HEADER);
      running.drainChanges(state);
      if (state.terms.get(TermStats.HEADER) != headerBefore) {
        checkpoints++;
      }
      if (i % 23 == 0 || i == 699) {
        StoryClusterer restarted = state.restore(settings);
        restores++;
        assertThat(restarted.termStats().table())
            .as("term table restored after article %d", i)
            .isEqualTo(running.termStats().table());
        assertThat(StateCodec.encode(restarted.termStats().meta(null, 0)))
            .isEqualTo(StateCodec.encode(running.termStats().meta(null, 0)));
        assertThat(restarted.termStats().loggedArticles())
            .isEqualTo(running.termStats().loggedArticles());
      }
    }
    assertThat(running.termStats().meta(null, 0).halvings()).as("halvings").isGreaterThan(3);
    assertThat(checkpoints).as("checkpoints written").isGreaterThan(10);
    assertThat(restores).isGreaterThan(30);

    StoryClusterer restarted = state.restore(settings);
    assertSameDecisions(running, restarted, articles.subList(700, articles.size()));
  }

  /**
   * A store the previous layout wrote (one count a term under its own key) is read, decides as the
   * uninterrupted window, and is replaced by a checkpoint with the next article.
   */
  @Test
  void shouldReadAndReplaceTheOldPerTermLayout() throws Exception {
    List<StoryArticle> articles = ecbplus();
    StorySettings settings = StorySettings.defaults().withMaxOpenStories(40);
    StoryClusterer running = new StoryClusterer(settings).keepChanges();
    MapState state = new MapState();
    for (StoryArticle a : articles.subList(0, 400)) {
      running.assign(a);
      running.drainChanges(state);
    }
    // what the previous layout held: the same stories and counters, the table as one count a term
    MapState old = new MapState();
    old.stories.putAll(state.stories);
    old.meta = state.meta;
    old.oldTerms.putAll(running.termStats().table());

    StoryClusterer restarted = old.restore(settings);
    assertThat(restarted.termStats().table()).isEqualTo(running.termStats().table());
    restarted.assign(articles.get(400));
    running.assign(articles.get(400));
    restarted.drainChanges(old);
    assertThat(old.oldTerms).as("old per-term entries removed").isEmpty();
    assertThat(old.terms).containsKey(TermStats.HEADER);

    StoryClusterer again = old.restore(settings);
    assertThat(again.termStats().table()).isEqualTo(running.termStats().table());
    assertSameDecisions(running, again, articles.subList(401, articles.size()));
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

  /** The story layout as version 1 wrote it, through a DataOutputStream (the reference form). */
  private static byte[] referenceEncoding(Story s) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    java.util.function.Consumer<String> str =
        t -> {
          try {
            if (t == null) {
              out.writeInt(-1);
            } else {
              byte[] b = t.getBytes(StandardCharsets.UTF_8);
              out.writeInt(b.length);
              out.write(b);
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    java.util.function.Consumer<java.time.Instant> instant =
        t -> {
          try {
            out.writeBoolean(t != null);
            if (t != null) {
              out.writeLong(t.getEpochSecond());
              out.writeInt(t.getNano());
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    out.writeByte(1);
    str.accept(s.id);
    out.writeLong(s.created);
    out.writeLong(s.touched);
    str.accept(s.title);
    instant.accept(s.firstSeen);
    instant.accept(s.lastSeen);
    out.writeInt(s.count);
    out.writeInt(s.languages.size());
    s.languages.forEach(str);
    out.writeInt(s.keys.size());
    s.keys.forEach(str);
    for (Map<String, Double> terms : List.of(s.words, s.names)) {
      out.writeInt(terms.size());
      for (Map.Entry<String, Double> e : terms.entrySet()) {
        str.accept(e.getKey());
        out.writeDouble(e.getValue());
      }
    }
    out.writeInt(s.articles.size());
    for (ArticleRef a : s.articles) {
      str.accept(a.id());
      str.accept(a.outlet());
      str.accept(a.language());
      instant.accept(a.published());
      str.accept(a.duplicateOf());
    }
    out.writeInt(s.hashes.size());
    for (Story.Copy c : s.hashes) {
      out.writeLong(c.simhash());
      str.accept(c.articleId());
    }
    out.writeInt(s.tags.size());
    for (Map.Entry<String, Integer> t : s.tags.entrySet()) {
      str.accept(t.getKey());
      out.writeInt(t.getValue());
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** The array-based story encoder writes exactly the bytes version 1 wrote through a stream. */
  @Test
  void shouldEncodeStoriesAsTheStreamEncoderDid() throws Exception {
    List<StoryArticle> articles = ecbplus();
    StoryClusterer c = new StoryClusterer(StorySettings.defaults()).keepChanges();
    MapState state = new MapState();
    int compared = 0;
    for (StoryArticle a : articles.subList(0, 300)) {
      c.assign(
          new StoryArticle(
              a.id(),
              a.title(),
              a.text(),
              "Diário São Paulo",
              java.time.Instant.parse("2026-03-02T09:00:00Z"),
              "pt",
              List.of("política", "economy")));
      c.drainChanges(state);
    }
    for (byte[] stored : state.stories.values()) {
      Story s = StateCodec.decode(stored);
      assertThat(StateCodec.encode(s)).isEqualTo(referenceEncoding(s));
      compared++;
    }
    assertThat(compared).isGreaterThan(10);
  }
}
