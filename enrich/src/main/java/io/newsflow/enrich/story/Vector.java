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

  /**
   * An article's terms as arrays, in the iteration order of {@link #words} and {@link #names} (so
   * that sums over them add in the same order), with each term's weight and its idf when weighed;
   * null for a story's vector. Scoring an article against 32 stories then looks each term's idf up
   * once, not once per story.
   */
  private final Terms wordTerms;

  private final Terms nameTerms;

  private record Terms(String[] terms, double[] weights, double[] idf) {}

  private Vector(Map<String, Double> words, Map<String, Double> names, Terms wt, Terms nt) {
    this.words = words;
    this.names = names;
    this.wordNorm = norm(words);
    this.nameNorm = norm(names);
    this.wordTerms = wt;
    this.nameTerms = nt;
  }

  /** An article: sublinear term frequency times inverse document frequency. */
  static Vector of(StoryFeatures f, TermStats stats) {
    Map<String, Double> w = weigh(f.words(), stats);
    Map<String, Double> n = weigh(f.names(), stats);
    return new Vector(w, n, terms(w, stats), terms(n, stats));
  }

  private static Terms terms(Map<String, Double> weighed, TermStats stats) {
    String[] t = new String[weighed.size()];
    double[] w = new double[t.length];
    double[] idf = new double[t.length];
    int i = 0;
    for (Map.Entry<String, Double> e : weighed.entrySet()) {
      t[i] = e.getKey();
      w[i] = e.getValue();
      idf[i] = stats.idf(t[i]);
      i++;
    }
    return new Terms(t, w, idf);
  }

  /** A story: the sum of its articles' sublinear term frequencies, times today's weights. */
  static Vector of(Story s, TermStats stats) {
    return new Vector(weighSums(s.words, stats), weighSums(s.names, stats), null, null);
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
   * The word and name cosines of this article with a story, {words, names}, without building the
   * story's vector: the dot products run over this article's terms only and the story's norms come
   * from its cache (see {@link Story#norms}). A side without terms gives 0.
   */
  double[] cosines(Story s, TermStats stats) {
    double[] norms = s.norms(stats);
    double w = dot(wordTerms, s.words) / (wordNorm * norms[0]);
    double n = dot(nameTerms, s.names) / (nameNorm * norms[1]);
    return new double[] {Double.isFinite(w) ? w : 0, Double.isFinite(n) ? n : 0};
  }

  /**
   * The similarity of {@link #cosines}: mixed by {@code settings.wordShare()} when article and
   * story share a language, the name cosine alone when they do not.
   */
  static double mix(double[] cosines, boolean sameLanguage, StorySettings settings) {
    if (!sameLanguage) {
      return cosines[1];
    }
    return settings.wordShare() * cosines[0] + (1 - settings.wordShare()) * cosines[1];
  }

  private static double dot(Terms mine, Map<String, Double> sums) {
    double dot = 0;
    String[] t = mine.terms();
    double[] w = mine.weights();
    double[] idf = mine.idf();
    for (int i = 0; i < t.length; i++) {
      Double y = sums.get(t[i]);
      if (y != null) {
        dot += w[i] * y * idf[i];
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
