package io.newsflow.enrich.story;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The mutable state of one open story. Its memory is bounded by the constants below. */
final class Story {
  /** Articles listed in a snapshot (the most recent); the count covers all of them. */
  static final int MAX_LISTED = 500;

  /** SimHashes kept for near-copy detection (the most recent). */
  static final int MAX_HASHES = 64;

  /** Blocking keys under which the story is indexed. */
  static final int MAX_KEYS = 96;

  final String id;
  final long created;

  /** The clusterer's arrival count when the story last changed: orders the open list. */
  long touched;

  final Map<String, Double> words = new HashMap<>();
  final Map<String, Double> names = new HashMap<>();
  final Set<String> languages = new HashSet<>(2);
  final Set<String> keys = new LinkedHashSet<>();
  final Deque<ArticleRef> articles = new ArrayDeque<>();
  final Deque<Copy> hashes = new ArrayDeque<>();
  final Map<String, Integer> tags = new TreeMap<>();
  String title = "";

  /** Norms under the weights of {@link #normsEpoch}; recomputed when stale (see {@link #norms}). */
  private double[] norms;

  private long normsEpoch = -1;
  Instant firstSeen;
  Instant lastSeen;
  int count;

  Story(String id, long created) {
    this.id = id;
    this.created = created;
  }

  void add(StoryArticle a, StoryFeatures f, String duplicateOf, int maxTerms) {
    count++;
    norms = null;
    if (title.isBlank()) {
      title = a.title().strip();
    }
    if (a.language() != null) {
      languages.add(a.language());
    }
    addTerms(words, f.words(), maxTerms);
    addTerms(names, f.names(), maxTerms);
    articles.addLast(new ArticleRef(a.id(), a.outlet(), a.language(), a.published(), duplicateOf));
    hashes.addLast(new Copy(f.simhash(), a.id()));
    if (hashes.size() > MAX_HASHES) {
      hashes.removeFirst();
    }
    for (String t : a.tags()) {
      tags.merge(t, 1, Integer::sum);
    }
    seen(a.published());
  }

  private void seen(Instant t) {
    if (t == null) {
      return;
    }
    firstSeen = firstSeen == null || t.isBefore(firstSeen) ? t : firstSeen;
    lastSeen = lastSeen == null || t.isAfter(lastSeen) ? t : lastSeen;
  }

  /** The listed article with this id, or null. */
  ArticleRef listed(String articleId) {
    for (ArticleRef r : articles) {
      if (r.id().equals(articleId)) {
        return r;
      }
    }
    return null;
  }

  /** The id of the earliest kept article whose SimHash is within {@code bits}, or null. */
  String nearCopy(long simhash, int bits) {
    for (Copy c : hashes) {
      if (SimHash.distance(c.simhash(), simhash) <= bits) {
        return c.articleId();
      }
    }
    return null;
  }

  /** Takes everything of {@code other} (which is then dropped by the caller). */
  void absorb(Story other, int maxTerms) {
    count += other.count;
    norms = null;
    other.words.forEach((k, v) -> words.merge(k, v, Double::sum));
    other.names.forEach((k, v) -> names.merge(k, v, Double::sum));
    prune(words, maxTerms);
    prune(names, maxTerms);
    languages.addAll(other.languages);
    other.articles.forEach(articles::addLast);
    hashes.addAll(other.hashes);
    while (hashes.size() > MAX_HASHES) {
      hashes.removeFirst();
    }
    other.tags.forEach((k, v) -> tags.merge(k, v, Integer::sum));
    seen(other.firstSeen);
    seen(other.lastSeen);
    if (title.isBlank()) {
      title = other.title;
    }
  }

  private static void addTerms(Map<String, Double> into, Map<String, Integer> tf, int maxTerms) {
    tf.forEach((k, n) -> into.merge(k, 1 + Math.log(n), Double::sum));
    prune(into, maxTerms);
  }

  /** Keeps the heaviest {@code max} terms once the map holds twice as many (amortised). */
  private static void prune(Map<String, Double> terms, int max) {
    if (terms.size() <= 2 * max) {
      return;
    }
    List<Map.Entry<String, Double>> all = new ArrayList<>(terms.entrySet());
    all.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    for (int i = max; i < all.size(); i++) {
      terms.remove(all.get(i).getKey());
    }
  }

  /**
   * The story's {words, names} norms under the current weights. Weights drift slowly as documents
   * are counted, so a norm is kept for {@link TermStats#epoch()} (about 1% more documents) unless
   * the story itself changes.
   */
  double[] norms(TermStats stats) {
    if (norms == null || normsEpoch != stats.epoch()) {
      norms = Vector.norms(this, stats);
      normsEpoch = stats.epoch();
    }
    return norms;
  }

  /** A kept article's SimHash. */
  record Copy(long simhash, String articleId) {}

  StorySnapshot snapshot(String mergedInto) {
    return new StorySnapshot(
        id, title, firstSeen, lastSeen, count, List.copyOf(articles), Map.copyOf(tags), mergedInto);
  }
}
