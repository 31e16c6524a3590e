package io.newsflow.enrich.story;

import java.util.HashMap;
import java.util.Map;

/**
 * Document frequencies learned from the stream itself, so nothing is trained in advance and the
 * weights follow what the stream talks about. Bounded: when more than {@code maxTerms} terms are
 * counted, every count and the document total are halved and terms that reach zero are dropped (an
 * exponential forgetting that keeps the ratios, hence the weights, of the terms that matter).
 */
final class TermStats {
  /**
   * Pseudo-documents in which no term occurs, added to the count: while the stream is young, the
   * few terms its first articles share would otherwise weigh nothing because they are shared.
   */
  static final double PRIOR_DOCUMENTS = 50;

  private final int maxTerms;
  private final Map<String, int[]> df = new HashMap<>();
  private double documents;
  private long added;
  private long halvings;

  TermStats(int maxTerms) {
    this.maxTerms = maxTerms;
  }

  void add(StoryFeatures f) {
    documents++;
    added++;
    f.words().keySet().forEach(this::count);
    f.names().keySet().forEach(this::count);
    if (df.size() > maxTerms) {
      halve();
    }
  }

  private void count(String term) {
    df.computeIfAbsent(term, t -> new int[1])[0]++;
  }

  /** Inverse document frequency, smoothed; an unseen term weighs most. */
  double idf(String term) {
    int[] c = df.get(term);
    return Math.log((documents + PRIOR_DOCUMENTS + 1) / ((c == null ? 0 : c[0]) + 0.5));
  }

  /** How many documents hold the term. */
  int df(String term) {
    int[] c = df.get(term);
    return c == null ? 0 : c[0];
  }

  int size() {
    return df.size();
  }

  /**
   * Changes each time the number of documents grows by about 1%, and at every halving: the weights
   * within one epoch barely differ, on a young stream and on a long one.
   */
  long epoch() {
    return (long) (Math.log1p(added) * 100) + (halvings << 40);
  }

  private void halve() {
    halvings++;
    documents /= 2;
    df.values().forEach(c -> c[0] /= 2);
    df.values().removeIf(c -> c[0] == 0);
  }
}
