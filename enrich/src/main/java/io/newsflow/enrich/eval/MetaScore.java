package io.newsflow.enrich.eval;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata metric of {@code bench/extraction/score_meta.py}, re-implemented: title is an exact
 * match after NFKC, whitespace collapsing and case folding (entities are not decoded on either
 * side); published compares the calendar date (the first {@code YYYY-MM-DD}); authors compares the
 * set of names (split on {@code , ; &} and the words "and" and "y", letters and digits only, case
 * folded); page kind is whether a page is an article at all. A page is scored only on the fields
 * its gold has. Pure; one instance tallies one run and is not thread-safe.
 */
public final class MetaScore {
  private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern NAME_SPLIT =
      Pattern.compile(",|;|&|\\band\\b|\\by\\b", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern DAY = Pattern.compile("^\\s*(\\d{4}-\\d{2}-\\d{2})");

  /** A page's gold metadata; any field may be null (not annotated). */
  public record Gold(String title, String author, String published, String pageType) {}

  /** A page's predicted metadata; any field may be null (not found). */
  public record Predicted(String title, List<String> authors, String published, String pageKind) {}

  /** One wrong field of one page, for reading the errors. */
  public record Miss(String field, String id, String gold, String predicted) {}

  /** Correct answers and scored pages of one field. */
  public record Tally(int correct, int scored) {
    public double share() {
      return scored == 0 ? 0.0 : (double) correct / scored;
    }
  }

  private final Map<String, int[]> fields = new LinkedHashMap<>();
  private final List<Miss> misses = new java.util.ArrayList<>();
  private int kindTp;
  private int kindFp;
  private int kindFn;
  private int kindOk;
  private int kindN;

  public MetaScore() {
    for (String f : List.of("title", "published", "authors", "authors_any")) {
      fields.put(f, new int[2]);
    }
  }

  /** Scores one page; {@code predicted} may be null (nothing predicted). */
  public void add(String id, Gold gold, Predicted predicted) {
    Predicted p = predicted == null ? new Predicted(null, List.of(), null, null) : predicted;
    if (notBlank(gold.title())) {
      count("title", id, sameTitle(gold.title(), p.title()), gold.title(), p.title());
    }
    if (day(gold.published()) != null) {
      boolean ok = day(gold.published()).equals(day(p.published()));
      count("published", id, ok, gold.published(), p.published());
    }
    if (notBlank(gold.author())) {
      Set<String> g = splitNames(List.of(gold.author()));
      Set<String> q = splitNames(p.authors());
      count("authors", id, g.equals(q), gold.author(), String.valueOf(p.authors()));
      Set<String> both = new LinkedHashSet<>(g);
      both.retainAll(q);
      fields.get("authors_any")[0] += both.isEmpty() ? 0 : 1;
      fields.get("authors_any")[1]++;
    }
    if (notBlank(gold.pageType()) && p.pageKind() != null) {
      boolean goldNot = !gold.pageType().equals("article");
      boolean predNot = !p.pageKind().equals("article");
      kindN++;
      kindOk += goldNot == predNot ? 1 : 0;
      kindTp += goldNot && predNot ? 1 : 0;
      kindFp += predNot && !goldNot ? 1 : 0;
      kindFn += goldNot && !predNot ? 1 : 0;
      if (goldNot != predNot) {
        misses.add(new Miss("pageKind", id, gold.pageType(), p.pageKind()));
      }
    }
  }

  private void count(String field, String id, boolean ok, String gold, String predicted) {
    int[] t = fields.get(field);
    t[0] += ok ? 1 : 0;
    t[1]++;
    if (!ok) {
      misses.add(new Miss(field, id, gold, predicted));
    }
  }

  /** The tally of {@code title}, {@code published}, {@code authors} or {@code authors_any}. */
  public Tally tally(String field) {
    int[] t = fields.get(field);
    if (t == null) {
      throw new IllegalArgumentException("no such field: " + field);
    }
    return new Tally(t[0], t[1]);
  }

  /** Pages whose kind was scored. */
  public int kindPages() {
    return kindN;
  }

  /** Share of pages whose article / not-an-article call is right. */
  public double kindAccuracy() {
    return kindN == 0 ? 0.0 : (double) kindOk / kindN;
  }

  /** Of the pages called "not an article", the share that are not articles. */
  public double notArticlePrecision() {
    return kindTp + kindFp == 0 ? 0.0 : (double) kindTp / (kindTp + kindFp);
  }

  /** Of the pages that are not articles, the share called so (kept out of the news topics). */
  public double notArticleRecall() {
    return kindTp + kindFn == 0 ? 0.0 : (double) kindTp / (kindTp + kindFn);
  }

  /** Of the articles, the share wrongly called something else. */
  public double articlesKeptOut(int articles) {
    return articles == 0 ? 0.0 : (double) kindFp / articles;
  }

  public int articlesCalledOther() {
    return kindFp;
  }

  public List<Miss> misses() {
    return List.copyOf(misses);
  }

  /** score_meta.py's printout. */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-12s %8s %6s %7s%n", "field", "correct", "of", "share"));
    fields.forEach(
        (k, t) -> {
          if (t[1] > 0) {
            b.append(
                String.format(
                    Locale.ROOT, "%-12s %8d %6d %7.3f%n", k, t[0], t[1], (double) t[0] / t[1]));
          }
        });
    if (kindN > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "page kind    accuracy %.3f over %d pages; \"not an article\": precision %.3f recall"
                  + " %.3f%n",
              kindAccuracy(),
              kindN,
              notArticlePrecision(),
              notArticleRecall()));
    }
    return b.toString();
  }

  /** Whether two titles are the same under the metric (NFKC, spaces collapsed, case folded). */
  public static boolean sameTitle(String a, String b) {
    return normText(a).equals(normText(b));
  }

  static String normText(String s) {
    String t = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC);
    return fold(SPACES.matcher(t).replaceAll(" ").strip());
  }

  static String normName(String s) {
    String t = fold(Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC));
    StringBuilder b = new StringBuilder();
    t.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }

  static Set<String> splitNames(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String item : names == null ? List.<String>of() : names) {
      for (String part : NAME_SPLIT.split(item == null ? "" : item, -1)) {
        String n = normName(part);
        if (!n.isEmpty()) {
          out.add(n);
        }
      }
    }
    return out;
  }

  static String day(String v) {
    if (v == null) {
      return null;
    }
    Matcher m = DAY.matcher(v);
    return m.find() ? m.group(1) : null;
  }

  /** Python's casefold, near enough: upper then lower maps ß to ss as casefold does. */
  private static String fold(String s) {
    return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
