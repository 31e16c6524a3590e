package io.newsflow.cli;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.TopicTag;
import io.newsflow.sink.ArticleWriter;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the articles of one run from ingest to the sink, the dead-letter topic or, for pages that
 * are not news, {@code news.pages}.
 */
final class Tracker {
  private final Set<String> expected = ConcurrentHashMap.newKeySet();
  private final Map<String, EnrichedArticle> sunk = new ConcurrentHashMap<>();
  private final Map<String, ArticleWriter.Outcome> outcomes = new ConcurrentHashMap<>();
  private final Map<String, DeadLetter> dead = new ConcurrentHashMap<>();
  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private volatile long lastChange = System.nanoTime();

  void expect(Collection<String> ids) {
    expected.addAll(ids);
    lastChange = System.nanoTime();
  }

  void sunk(EnrichedArticle a, ArticleWriter.Outcome outcome) {
    sunk.put(a.getId(), a);
    outcomes.put(a.getId(), outcome);
    lastChange = System.nanoTime();
  }

  void dead(DeadLetter d) {
    if (d.getArticleId() != null) {
      dead.put(d.getArticleId(), d);
      lastChange = System.nanoTime();
    }
  }

  /** A page that is not news reached {@code news.pages}. */
  void page(EnrichedArticle a) {
    pages.put(a.getId(), a.getPageKind());
    lastChange = System.nanoTime();
  }

  /** Expected pages that went to {@code news.pages}, by kind. */
  Map<String, Integer> pageKinds() {
    Map<String, Integer> counts = new TreeMap<>();
    expected.forEach(
        id -> {
          String kind = pages.get(id);
          if (kind != null && !sunk.containsKey(id)) {
            counts.merge(kind, 1, Integer::sum);
          }
        });
    return counts;
  }

  /** How many expected articles have reached the sink, the dead-letter topic or news.pages. */
  int done() {
    int n = 0;
    for (String id : expected) {
      if (sunk.containsKey(id) || dead.containsKey(id) || pages.containsKey(id)) {
        n++;
      }
    }
    return n;
  }

  int expectedCount() {
    return expected.size();
  }

  long nanosSinceLastChange() {
    return System.nanoTime() - lastChange;
  }

  Set<String> missing() {
    Set<String> m = new HashSet<>(expected);
    m.removeAll(sunk.keySet());
    m.removeAll(dead.keySet());
    m.removeAll(pages.keySet());
    return m;
  }

  /** Expected articles that reached the sink, by what the sink did with them. */
  Map<ArticleWriter.Outcome, Integer> outcomes() {
    Map<ArticleWriter.Outcome, Integer> counts = new TreeMap<>();
    expected.forEach(
        id -> {
          ArticleWriter.Outcome o = outcomes.get(id);
          if (o != null) {
            counts.merge(o, 1, Integer::sum);
          }
        });
    return counts;
  }

  int enriched() {
    return (int) expected.stream().filter(sunk::containsKey).count();
  }

  /** Dead letters of this run's articles, by stage and reason. */
  Map<String, Integer> deadByReason() {
    Map<String, Integer> counts = new TreeMap<>();
    expected.forEach(
        id -> {
          DeadLetter d = dead.get(id);
          if (d != null && !sunk.containsKey(id)) {
            counts.merge(d.getStage() + ": " + d.getReason(), 1, Integer::sum);
          }
        });
    return counts;
  }

  /** Tagged articles of this run, per topic. */
  /** How many distinct stories the sunk articles belong to (articles without one not counted). */
  long storyCount() {
    return sunk.values().stream()
        .map(EnrichedArticle::getStoryId)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .count();
  }

  Map<String, Integer> tagCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    expected.forEach(
        id -> {
          EnrichedArticle a = sunk.get(id);
          if (a != null) {
            for (TopicTag t : a.getTopics()) {
              counts.merge(t.getName(), 1, Integer::sum);
            }
          }
        });
    return counts;
  }
}
