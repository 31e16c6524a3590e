package io.newsflow.enrich.story;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * Document frequencies learned from the stream itself, so nothing is trained in advance and the
 * weights follow what the stream talks about. Bounded: when more than {@code maxTerms} terms are
 * counted, every count and the document total are halved and terms that reach zero are dropped (an
 * exponential forgetting that keeps the ratios, hence the weights, of the terms that matter),
 * repeated until at most three quarters of {@code maxTerms} remain.
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

  /** Terms whose count changed since the last {@link #drain}; null while changes are not kept. */
  private Set<String> changed;

  TermStats(int maxTerms) {
    this.maxTerms = maxTerms;
  }

  void add(StoryFeatures f) {
    documents++;
    added++;
    f.words().keySet().forEach(this::count);
    f.names().keySet().forEach(this::count);
    if (df.size() > maxTerms) {
      // down to three quarters at least, so that the next halving is far away even when few terms
      // are rare (each halving rewrites every count in the state store)
      while (df.size() > maxTerms * 3L / 4) {
        halve();
      }
    }
  }

  private void count(String term) {
    df.computeIfAbsent(term, t -> new int[1])[0]++;
    if (changed != null) {
      changed.add(term);
    }
  }

  /** From now on, remember which terms change, for {@link #drain}. */
  void keepChanges() {
    if (changed == null) {
      changed = new HashSet<>();
    }
  }

  /** Hands each term changed since the last call to {@code out} with its count (0: dropped). */
  void drain(ObjIntConsumer<String> out) {
    if (changed != null) {
      changed.forEach(t -> out.accept(t, df(t)));
      // a new set, not clear(): clear() zeroes the whole table, which a halving grows to the size
      // of the vocabulary, and would then cost milliseconds after every article
      changed = new HashSet<>();
    }
  }

  /** Sets a term's count, as a restored state store held it. */
  void restore(String term, int documents) {
    if (documents > 0) {
      df.put(term, new int[] {documents});
    }
  }

  StateCodec.Meta meta(java.time.Instant clock, long arrivals) {
    return new StateCodec.Meta(clock, arrivals, documents, added, halvings);
  }

  void restore(StateCodec.Meta m) {
    documents = m.documents();
    added = m.added();
    halvings = m.halvings();
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
    if (changed != null) {
      changed.addAll(df.keySet());
    }
    df.values().forEach(c -> c[0] /= 2);
    df.values().removeIf(c -> c[0] == 0);
  }
}
