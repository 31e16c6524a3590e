package io.newsflow.enrich.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The article-extraction benchmark's metric (scrapinghub's evaluate.py, as re-implemented by {@code
 * score.py}): tokens are {@code \w+} (Unicode, case-sensitive), a document is a multiset of 4-token
 * shingles; precision is averaged over pages with a non-empty prediction, recall over all pages, F1
 * is the harmonic mean of the two averages. Pure.
 */
public final class ShingleScore {
  private static final int N = 4;

  private ShingleScore() {}

  /** One page's normalised counts: tp, fp, fn divided by their sum. */
  public record Counts(double tp, double fp, double fn, boolean exact, int predTokens) {
    public double precision() {
      if (fp == 0 && fn == 0) {
        return 1.0;
      }
      return tp == 0 && fp == 0 ? 0.0 : tp / (tp + fp);
    }

    public double recall() {
      if (fp == 0 && fn == 0) {
        return 1.0;
      }
      return tp == 0 && fn == 0 ? 0.0 : tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
  }

  /** The corpus-level figures. */
  public record Summary(
      double f1, double precision, double recall, double accuracy, int docs, int empty) {}

  /** Python's {@code re} {@code \\w+} on str: letters, numbers of any kind, and the underscore. */
  public static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean word = isWord(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(text.substring(start));
    }
    return out;
  }

  static boolean isWord(int cp) {
    if (cp == '_' || Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static Map<List<String>, Integer> shingles(List<String> tokens) {
    Map<List<String>, Integer> out = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
      List<String> sh = tokens.subList(i, Math.min(tokens.size(), i + N));
      if (!sh.isEmpty()) {
        out.merge(List.copyOf(sh), 1, Integer::sum);
      }
    }
    return out;
  }

  /** Scores one prediction against its gold text. */
  public static Counts score(String gold, String predicted) {
    List<String> gt = tokenize(gold);
    List<String> pt = tokenize(predicted);
    Map<List<String>, Integer> t = shingles(gt);
    Map<List<String>, Integer> p = shingles(pt);
    Set<List<String>> keys = new HashSet<>(t.keySet());
    keys.addAll(p.keySet());
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (List<String> k : keys) {
      int tc = t.getOrDefault(k, 0);
      int pc = p.getOrDefault(k, 0);
      tp += Math.min(tc, pc);
      fp += Math.max(0, pc - tc);
      fn += Math.max(0, tc - pc);
    }
    double s = tp + fp + fn;
    if (s > 0) {
      tp /= s;
      fp /= s;
      fn /= s;
    }
    return new Counts(tp, fp, fn, gt.equals(pt), pt.size());
  }

  /** Aggregates per-page counts the way score.py does. */
  public static Summary summarize(List<Counts> pages) {
    Objects.requireNonNull(pages, "pages");
    double ps = 0;
    int pn = 0;
    double rs = 0;
    int rn = 0;
    int exact = 0;
    int empty = 0;
    for (Counts c : pages) {
      if (c.tp() + c.fp() > 0) {
        ps += c.precision();
        pn++;
      }
      if (c.tp() + c.fn() > 0) {
        rs += c.recall();
        rn++;
      }
      exact += c.exact() ? 1 : 0;
      empty += c.predTokens() == 0 ? 1 : 0;
    }
    double p = pn == 0 ? 0 : ps / pn;
    double r = rn == 0 ? 0 : rs / rn;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    return new Summary(
        f1, p, r, pages.isEmpty() ? 0 : (double) exact / pages.size(), pages.size(), empty);
  }
}
