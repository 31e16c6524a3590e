package io.newsflow.enrich.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Online single-pass story clustering over a bounded window of open stories.
 *
 * <p>Each article, as it arrives: its features are weighted by document frequencies learned from
 * the stream; candidate stories are found through blocking keys (the article's heaviest names and
 * words); it joins the candidate with the highest similarity if that reaches the join threshold,
 * else opens a story of its own. Similarity mixes word cosine and name cosine when the article's
 * language is among the story's, and is name cosine alone across languages. After joining, the
 * story is compared with the other candidates and any that now reach the merge threshold are merged
 * into it (their snapshots then carry {@code mergedInto}). An article within {@code duplicateBits}
 * SimHash bits of an earlier article of its story is marked a near-copy of it.
 *
 * <p>Not thread-safe: one instance per partition of the story key space.
 */
public final class StoryClusterer {
  /** Heaviest features of an article used to look up candidate stories. */
  private static final int QUERY_KEYS = 24;

  /** Heaviest features of an article under which its story is indexed. */
  private static final int INDEX_KEYS = 12;

  /** Stories scored in full per article: those sharing the most key weight with it. */
  private static final int MAX_CANDIDATES = 32;

  /** Stories kept per blocking key (the most recent); a key on more stories says little. */
  private static final int MAX_POSTING = 300;

  /** Fewer word tokens than this and SimHash says nothing reliable about near-copies. */
  private static final int MIN_WORDS_FOR_COPY = 12;

  private final StorySettings settings;
  private final JoinRule joinRule;
  private final TermStats stats;
  private final LinkedHashMap<String, Story> open = new LinkedHashMap<>();
  private final Map<String, LinkedHashSet<String>> postings = new HashMap<>();

  /** The open story of each listed article, so that an article sent again keeps its story. */
  private final Map<String, String> storyOf = new HashMap<>();

  private Instant clock;
  private long arrivals;

  /** Stories changed and closed since the last {@link #drainChanges}; null while not kept. */
  private Set<String> changedStories;

  private Set<String> closedStories;

  private final Places places;

  /** A clusterer that finds no places (names, numbers and dates only). */
  public StoryClusterer(StorySettings settings) {
    this(settings, Places.NONE);
  }

  /** A clusterer that also reads {@code places} as language-neutral names. */
  public StoryClusterer(StorySettings settings, Places places) {
    this(settings, places, JoinRule.bestAbove(settings.joinThreshold()));
  }

  /**
   * A clusterer that decides joins by {@code joinRule} instead of the join threshold: for measuring
   * other decisions over the same candidates (StoryJoinBounds in the tests).
   */
  StoryClusterer(StorySettings settings, Places places, JoinRule joinRule) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.places = Objects.requireNonNull(places, "places");
    this.joinRule = Objects.requireNonNull(joinRule, "joinRule");
    this.stats = new TermStats(settings.maxVocabulary());
  }

  /** Assigns one article; never null. Articles are expected once each (a re-sent id is a copy). */
  public Assignment assign(StoryArticle article) {
    Objects.requireNonNull(article, "article");
    Assignment again = again(article);
    if (again != null) {
      return again;
    }
    arrivals++;
    StoryFeatures f = StoryFeatures.of(article.title(), article.text(), places);
    stats.add(f);
    advanceClock(article.published());
    Vector v = Vector.of(f, stats);
    List<Candidate> candidates = score(v, article);
    Candidate chosen = joinRule.choose(article, candidates);
    Story story;
    String duplicateOf = null;
    if (chosen != null) {
      story = chosen.story;
      if (f.words().size() >= MIN_WORDS_FOR_COPY) {
        duplicateOf = story.nearCopy(f.simhash(), settings.duplicateBits());
      }
    } else {
      story = new Story("story-" + article.id(), arrivals);
    }
    story.add(article, f, duplicateOf, settings.maxTermsPerStory());
    storyOf.put(article.id(), story.id);
    trim(story);
    List<StorySnapshot> merged = mergeInto(story, candidates);
    touch(story, v);
    if (changedStories != null) {
      changedStories.add(story.id);
    }
    List<StorySnapshot> changed = new ArrayList<>(1 + merged.size());
    changed.add(story.snapshot(null));
    changed.addAll(merged);
    evict();
    return new Assignment(article.id(), story.id, duplicateOf, changed);
  }

  /**
   * From now on, remember what changes so that {@link #drainChanges} can hand it to a state store.
   * Returns this clusterer.
   */
  public StoryClusterer keepChanges() {
    if (changedStories == null) {
      changedStories = new LinkedHashSet<>();
      closedStories = new LinkedHashSet<>();
      stats.keepChanges();
    }
    return this;
  }

  /**
   * Writes to {@code state} everything that changed since the last call (after {@link
   * #keepChanges}): each changed open story, each closed one, the document-frequency table's
   * records (one for each article counted, or a new checkpoint of the table) and the counters.
   * Writing them after every article keeps the store equal to the window.
   */
  public void drainChanges(StoryState state) {
    if (changedStories == null) {
      throw new IllegalStateException("call keepChanges() before drainChanges()");
    }
    for (String id : closedStories) {
      state.removeStory(id);
    }
    for (String id : changedStories) {
      state.putStory(id, StateCodec.encode(open.get(id)));
    }
    closedStories.clear();
    changedStories.clear();
    stats.drain(
        new TermStats.Sink() {
          @Override
          public void put(String key, byte[] bytes) {
            state.putTerms(key, bytes);
          }

          @Override
          public void removeOldTerm(String term) {
            state.removeOldTerm(term);
          }
        });
    state.putMeta(StateCodec.encode(stats.meta(clock, arrivals)));
  }

  /**
   * Rebuilds the window from what {@link #drainChanges} wrote: the counters (null when the store
   * was empty), every open story in any order, and every term-table record under the key it was
   * written with. {@code oldTerms} are the per-term counts of the previous layout (a store written
   * before the term table was checkpointed and logged; empty otherwise): they are read as the
   * table, and the next {@link #drainChanges} replaces them by a checkpoint and removes them. Call
   * on a fresh clusterer before its first article.
   */
  public void restore(
      byte[] meta,
      Iterable<byte[]> stories,
      Map<String, byte[]> termRecords,
      Iterable<Map.Entry<String, Integer>> oldTerms) {
    if (arrivals != 0 || !open.isEmpty()) {
      throw new IllegalStateException("restore() needs a fresh clusterer");
    }
    stats.restore(termRecords, oldTerms);
    if (meta != null) {
      StateCodec.Meta m = StateCodec.decodeMeta(meta);
      clock = m.clock();
      arrivals = m.arrivals();
      stats.restore(m);
    }
    List<Story> restored = new ArrayList<>();
    stories.forEach(b -> restored.add(StateCodec.decode(b)));
    restored.sort(java.util.Comparator.comparingLong((Story s) -> s.touched));
    for (Story s : restored) {
      open.put(s.id, s);
      s.keys.forEach(k -> post(k, s.id));
      s.articles.forEach(r -> storyOf.put(r.id(), s.id));
    }
  }

  /** How many articles have been assigned (restored ones included): grows by one per article. */
  public long arrivals() {
    return arrivals;
  }

  /**
   * An article whose id is already listed in an open story (sent again, or a new version of it)
   * keeps its story and is not counted twice; null for an article not seen in the window.
   */
  private Assignment again(StoryArticle article) {
    String id = storyOf.get(article.id());
    Story s = id == null ? null : open.get(id);
    ArticleRef ref = s == null ? null : s.listed(article.id());
    if (ref == null) {
      return null;
    }
    return new Assignment(article.id(), s.id, ref.duplicateOf(), List.of(s.snapshot(null)));
  }

  /** Drops the oldest listed articles past {@link Story#MAX_LISTED} (the count keeps them). */
  private void trim(Story s) {
    while (s.articles.size() > Story.MAX_LISTED) {
      storyOf.remove(s.articles.removeFirst().id());
    }
  }

  /** How many stories are open now. */
  public int openStories() {
    return open.size();
  }

  /** The document-frequency table, for tests in this package. */
  TermStats termStats() {
    return stats;
  }

  /** How many terms the document-frequency table holds now. */
  public int vocabulary() {
    return stats.size();
  }

  private void advanceClock(Instant published) {
    if (published != null && (clock == null || published.isAfter(clock))) {
      clock = published;
    }
  }

  /**
   * Candidate stories by blocking key, best first, each with its similarity to the article. Only
   * the {@link #MAX_CANDIDATES} stories that share the most key weight with the article are scored
   * in full, so the cost per article does not grow with the number of open stories.
   */
  private List<Candidate> score(Vector v, StoryArticle a) {
    Map<String, Double> hits = new HashMap<>();
    for (Map.Entry<String, Double> key : v.heaviestWeighted(QUERY_KEYS)) {
      Set<String> posting = postings.get(key.getKey());
      if (posting != null) {
        for (String id : posting) {
          hits.merge(id, key.getValue(), Double::sum);
        }
      }
    }
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(hits.entrySet());
    if (ranked.size() > MAX_CANDIDATES) {
      ranked.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
      ranked = ranked.subList(0, MAX_CANDIDATES);
    }
    List<Candidate> out = new ArrayList<>(ranked.size());
    for (Map.Entry<String, Double> e : ranked) {
      Story s = open.get(e.getKey());
      if (s != null && withinWindow(s, a.published())) {
        boolean sameLanguage =
            a.language() == null || s.languages.isEmpty() || s.languages.contains(a.language());
        double[] cosines = v.cosines(s, stats);
        out.add(
            new Candidate(s, Vector.mix(cosines, sameLanguage, settings), cosines[0], cosines[1]));
      }
    }
    out.sort((x, y) -> Double.compare(y.score, x.score));
    return out;
  }

  private boolean withinWindow(Story s, Instant published) {
    if (published == null || s.firstSeen == null) {
      return true;
    }
    return !published.isBefore(s.firstSeen.minus(settings.window()))
        && !published.isAfter(s.lastSeen.plus(settings.window()));
  }

  /** Merges into {@code story} every other candidate now similar enough to it. */
  private List<StorySnapshot> mergeInto(Story story, List<Candidate> candidates) {
    List<StorySnapshot> out = new ArrayList<>();
    Vector mine = null;
    for (Candidate c : candidates) {
      if (c.story == story || c.score < settings.joinThreshold() || !open.containsKey(c.story.id)) {
        continue;
      }
      mine = mine == null ? Vector.of(story, stats) : mine;
      boolean shared =
          story.languages.isEmpty()
              || c.story.languages.isEmpty()
              || story.languages.stream().anyMatch(c.story.languages::contains);
      double s = mine.similarity(Vector.of(c.story, stats), shared, settings);
      if (s >= settings.mergeThreshold()) {
        out.add(absorb(story, c.story));
        mine = null;
      }
    }
    return out;
  }

  /** {@code other}'s content moves into {@code into}, the story the article joined. */
  private StorySnapshot absorb(Story into, Story other) {
    close(other);
    into.absorb(other, settings.maxTermsPerStory());
    other.articles.forEach(r -> storyOf.put(r.id(), into.id));
    trim(into);
    for (String k : other.keys) {
      if (into.keys.size() < Story.MAX_KEYS && into.keys.add(k)) {
        post(k, into.id);
      }
    }
    return other.snapshot(into.id);
  }

  /** Moves the story to the young end of the open list and indexes it under the article's keys. */
  private void touch(Story s, Vector v) {
    s.touched = arrivals;
    open.remove(s.id);
    open.put(s.id, s);
    for (Map.Entry<String, Double> e : v.heaviestWeighted(INDEX_KEYS)) {
      String k = e.getKey();
      if (s.keys.size() < Story.MAX_KEYS && s.keys.add(k)) {
        post(k, s.id);
      }
    }
  }

  private void post(String key, String storyId) {
    LinkedHashSet<String> p = postings.computeIfAbsent(key, k -> new LinkedHashSet<>());
    p.add(storyId);
    if (p.size() > MAX_POSTING) {
      Iterator<String> it = p.iterator();
      it.next();
      it.remove();
    }
  }

  /** Closes stories past window and lateness or beyond the bound, least recently updated first. */
  private void evict() {
    Iterator<Story> it = open.values().iterator();
    while (it.hasNext()) {
      Story s = it.next();
      boolean tooMany = open.size() > settings.maxOpenStories();
      boolean tooOld =
          settings.lateness() != null
              && clock != null
              && s.lastSeen != null
              && s.lastSeen.isBefore(clock.minus(settings.window()).minus(settings.lateness()));
      if (!tooMany && !tooOld) {
        return;
      }
      it.remove();
      unindex(s);
      closed(s);
    }
  }

  private void close(Story s) {
    open.remove(s.id);
    unindex(s);
    closed(s);
  }

  private void closed(Story s) {
    if (closedStories != null) {
      changedStories.remove(s.id);
      closedStories.add(s.id);
    }
  }

  private void unindex(Story s) {
    for (ArticleRef r : s.articles) {
      storyOf.remove(r.id(), s.id);
    }
    for (String k : s.keys) {
      Set<String> p = postings.get(k);
      if (p != null && p.remove(s.id) && p.isEmpty()) {
        postings.remove(k);
      }
    }
  }

  /**
   * A story an article was scored against.
   *
   * @param score the similarity the join threshold is compared with
   * @param words the cosine of the article's words with the story's
   * @param names the cosine of the article's names (numbers, dates, countries) with the story's
   */
  record Candidate(Story story, double score, double words, double names) {}

  /** Which candidate an article joins. */
  @FunctionalInterface
  interface JoinRule {
    /** The candidate to join, or null to open a story; {@code candidates} are best first. */
    Candidate choose(StoryArticle article, List<Candidate> candidates);

    /** The shipped rule: the best candidate, when its score reaches {@code threshold}. */
    static JoinRule bestAbove(double threshold) {
      return (article, candidates) ->
          !candidates.isEmpty() && candidates.get(0).score() >= threshold
              ? candidates.get(0)
              : null;
    }
  }
}
