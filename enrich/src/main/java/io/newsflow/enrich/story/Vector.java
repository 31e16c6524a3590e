package io.newsflow.enrich.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Weighted words and names of an article or a story under the current document frequencies. */
final class Vector {
  private final Map<String, Double> words;
  private final Map<String, Double> names;
  private final double wordNorm;
  private final double nameNorm;

  private Vector(Map<String, Double> words, Map<String, Double> names) {
    this.words = words;
    this.names = names;
    this.wordNorm = norm(words);
    this.nameNorm = norm(names);
  }

  /** An article: sublinear term frequency times inverse document frequency. */
  static Vector of(StoryFeatures f, TermStats stats) {
    return new Vector(weigh(f.words(), stats), weigh(f.names(), stats));
  }

  /** A story: the sum of its articles' sublinear term frequencies, times today's weights. */
  static Vector of(Story s, TermStats stats) {
    return new Vector(weighSums(s.words, stats), weighSums(s.names, stats));
  }

  /**
   * Cosine of words and of names, mixed by {@code settings.wordShare()} when both sides share a
   * language; names alone when they do not (words do not survive translation, names do).
   */
  double similarity(Vector o, boolean sameLanguage, StorySettings settings) {
    double n = cosine(names, nameNorm, o.names, o.nameNorm);
    if (!sameLanguage) {
      return n;
    }
    double w = cosine(words, wordNorm, o.words, o.wordNorm);
    return settings.wordShare() * w + (1 - settings.wordShare()) * n;
  }

  /**
   * As {@link #similarity(Vector, boolean, StorySettings)} against a story, without building the
   * story's vector: the dot product runs over this article's terms only and the story's norms come
   * from its cache (see {@link Story#norms}).
   */
  double similarity(Story s, TermStats stats, boolean sameLanguage, StorySettings settings) {
    double[] norms = s.norms(stats);
    double n = dot(names, s.names, stats) / (nameNorm * norms[1]);
    if (!sameLanguage) {
      return Double.isFinite(n) ? n : 0;
    }
    double w = dot(words, s.words, stats) / (wordNorm * norms[0]);
    double mixed =
        settings.wordShare() * (Double.isFinite(w) ? w : 0)
            + (1 - settings.wordShare()) * (Double.isFinite(n) ? n : 0);
    return mixed;
  }

  private static double dot(Map<String, Double> mine, Map<String, Double> sums, TermStats stats) {
    double dot = 0;
    for (Map.Entry<String, Double> e : mine.entrySet()) {
      Double y = sums.get(e.getKey());
      if (y != null) {
        dot += e.getValue() * y * stats.idf(e.getKey());
      }
    }
    return dot;
  }

  /** The norm of a story's sums under today's weights: {words, names}. */
  static double[] norms(Story s, TermStats stats) {
    return new double[] {norm(weighSums(s.words, stats)), norm(weighSums(s.names, stats))};
  }

  /** The {@code k} heaviest terms, names and words together, with their weights. */
  List<Map.Entry<String, Double>> heaviestWeighted(int k) {
    List<Map.Entry<String, Double>> all = new ArrayList<>(words.size() + names.size());
    all.addAll(words.entrySet());
    all.addAll(names.entrySet());
    all.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    return all.size() > k ? all.subList(0, k) : all;
  }

  private static Map<String, Double> weigh(Map<String, Integer> tf, TermStats stats) {
    Map<String, Double> out = new HashMap<>(tf.size() * 2);
    tf.forEach((k, n) -> out.put(k, (1 + Math.log(n)) * stats.idf(k)));
    return out;
  }

  private static Map<String, Double> weighSums(Map<String, Double> sums, TermStats stats) {
    Map<String, Double> out = new HashMap<>(sums.size() * 2);
    sums.forEach((k, s) -> out.put(k, s * stats.idf(k)));
    return out;
  }

  private static double norm(Map<String, Double> v) {
    double s = 0;
    for (double x : v.values()) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static double cosine(Map<String, Double> a, double na, Map<String, Double> b, double nb) {
    if (na == 0 || nb == 0) {
      return 0;
    }
    if (a.size() > b.size()) {
      return cosine(b, nb, a, na);
    }
    double dot = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double y = b.get(e.getKey());
      if (y != null) {
        dot += e.getValue() * y;
      }
    }
    return dot / (na * nb);
  }
}
