package io.newsflow.enrich.story;

import java.util.HashMap;
import java.util.Map;

/** B-cubed precision, recall and F1 averaged over articles, as bench/stories/score.py has them. */
final class BCubed {
  private BCubed() {}

  /** F1 over the ids of {@code pred} (each must have a gold label). */
  static double f1(Map<String, String> gold, Map<String, String> pred) {
    return scores(gold, pred)[2];
  }

  /** {precision, recall, F1} over the ids of {@code pred} (each must have a gold label). */
  static double[] scores(Map<String, String> gold, Map<String, String> pred) {
    Map<String, Integer> goldSize = new HashMap<>();
    Map<String, Integer> predSize = new HashMap<>();
    Map<String, Integer> both = new HashMap<>();
    for (Map.Entry<String, String> e : pred.entrySet()) {
      String g = gold.get(e.getKey());
      goldSize.merge(g, 1, Integer::sum);
      predSize.merge(e.getValue(), 1, Integer::sum);
      both.merge(g + "\u0000" + e.getValue(), 1, Integer::sum);
    }
    double p = 0;
    double r = 0;
    for (Map.Entry<String, String> e : pred.entrySet()) {
      String g = gold.get(e.getKey());
      int common = both.get(g + "\u0000" + e.getValue());
      p += (double) common / predSize.get(e.getValue());
      r += (double) common / goldSize.get(g);
    }
    p /= pred.size();
    r /= pred.size();
    return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
  }
}
