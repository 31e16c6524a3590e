package io.newsflow.cli;

import com.carrotsearch.hppc.LongArrayDeque;
import com.carrotsearch.hppc.LongHashSet;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.TopicTag;
import io.newsflow.sink.ArticleWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows the articles of one run from ingest to the sink, the dead-letter topic or, for pages that
 * are not news, {@code news.pages}. It keeps counts, not records: per article still on its way only
 * a 64-bit fingerprint of its id (about 16 bytes), dropped when the article reaches an end, so
 * memory does not grow with the articles already done, and every question is answered in constant
 * time. An article counts at its first end; ends of articles this run did not produce are ignored.
 * Thread-safe: the sink and the dead-letter watcher report from their own threads.
 *
 * <p>When made {@linkplain #inSendOrder() in send order}, it also knows how far the newest article
 * sent is ahead of the oldest one still on its way ({@link #ahead()}), for a producer that keeps
 * that distance bounded; it then holds one fingerprint per article sent since that oldest one.
 */
final class Tracker {
  private final LongHashSet pending = new LongHashSet();
  // fingerprints in send order, from the oldest still pending on; null when not asked for
  private final LongArrayDeque sendOrder;
  private long expected;
  private long done;
  private long enriched;
  private final Map<ArticleWriter.Outcome, Integer> outcomes = new TreeMap<>();
  private final Map<String, Integer> deadByReason = new TreeMap<>();
  private final Map<String, Integer> pageKinds = new TreeMap<>();
  private final Map<String, Integer> tagCounts = new TreeMap<>();
  // the distinct stories of this run's articles, as fingerprints: grows with stories, not articles
  private final LongHashSet stories = new LongHashSet();
  private volatile long lastChange = System.nanoTime();

  Tracker() {
    this(false);
  }

  private Tracker(boolean inSendOrder) {
    this.sendOrder = inSendOrder ? new LongArrayDeque() : null;
  }

  /** A tracker that also answers {@link #ahead()}. */
  static Tracker inSendOrder() {
    return new Tracker(true);
  }

  /** An article of this run is about to be produced (call before sending it). */
  synchronized void expect(String id) {
    long f = fingerprint(id);
    if (pending.add(f)) {
      expected++;
    }
    if (sendOrder != null) {
      sendOrder.addLast(f);
    }
    lastChange = System.nanoTime();
  }

  /**
   * How many articles were sent from the oldest one still on its way to the newest (0 when none is
   * on its way): how far the stream's fastest partitions may have run ahead of its slowest.
   */
  synchronized long ahead() {
    if (sendOrder == null) {
      throw new IllegalStateException("this tracker does not keep the send order");
    }
    while (!sendOrder.isEmpty() && !pending.contains(sendOrder.getFirst())) {
      sendOrder.removeFirst();
    }
    return sendOrder.size();
  }

  synchronized void sunk(EnrichedArticle a, ArticleWriter.Outcome outcome) {
    if (arrived(a.getId())) {
      enriched++;
      outcomes.merge(outcome, 1, Integer::sum);
      for (TopicTag t : a.getTopics()) {
        tagCounts.merge(t.getName(), 1, Integer::sum);
      }
      if (a.getStoryId() != null) {
        stories.add(fingerprint(a.getStoryId()));
      }
    }
  }

  synchronized void dead(DeadLetter d) {
    if (d.getArticleId() != null && arrived(d.getArticleId())) {
      deadByReason.merge(d.getStage() + ": " + d.getReason(), 1, Integer::sum);
    }
  }

  /** A page that is not news reached {@code news.pages}. */
  synchronized void page(EnrichedArticle a) {
    if (arrived(a.getId())) {
      pageKinds.merge(String.valueOf(a.getPageKind()), 1, Integer::sum);
    }
  }

  private boolean arrived(String id) {
    if (!pending.remove(fingerprint(id))) {
      return false;
    }
    done++;
    lastChange = System.nanoTime();
    return true;
  }

  /** How many expected articles have reached the sink, the dead-letter topic or news.pages. */
  synchronized long done() {
    return done;
  }

  synchronized long expectedCount() {
    return expected;
  }

  /** Expected articles that have not reached an end yet. */
  synchronized long missing() {
    return pending.size();
  }

  long nanosSinceLastChange() {
    return System.nanoTime() - lastChange;
  }

  /** Expected pages that went to {@code news.pages}, by kind. */
  synchronized Map<String, Integer> pageKinds() {
    return new TreeMap<>(pageKinds);
  }

  /** Expected articles that reached the sink, by what the sink did with them. */
  synchronized Map<ArticleWriter.Outcome, Integer> outcomes() {
    return new TreeMap<>(outcomes);
  }

  synchronized long enriched() {
    return enriched;
  }

  /** Dead letters of this run's articles, by stage and reason. */
  synchronized Map<String, Integer> deadByReason() {
    return new TreeMap<>(deadByReason);
  }

  /** How many distinct stories the sunk articles belong to (articles without one not counted). */
  synchronized long storyCount() {
    return stories.size();
  }

  /** Tagged articles of this run, per topic. */
  synchronized Map<String, Integer> tagCounts() {
    return new TreeMap<>(tagCounts);
  }

  /** 64-bit FNV-1a of the id's UTF-8 bytes: a collision among a run's ids is vanishingly rare. */
  static long fingerprint(String id) {
    long h = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
