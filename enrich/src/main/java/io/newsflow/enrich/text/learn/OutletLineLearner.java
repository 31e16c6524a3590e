package io.newsflow.enrich.text.learn;

import io.newsflow.enrich.text.BoilerplateRules;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.Removed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Learns each outlet's own boilerplate: a paragraph that recurs, unchanged up to case, digits and
 * spacing, in many different recent articles of one outlet is that outlet's furniture (a standing
 * promo, a disclaimer, a "follow us" line no rule knows) and is removed with reason {@code
 * learned:outlet}. Pure apart from the {@link LineStats} it is given; memory per outlet is fixed by
 * {@link Settings} (a count-min {@link LineSketch} with halving decay).
 */
public final class OutletLineLearner {
  /** Reason recorded for every line this learner removes. */
  public static final String REASON = "learned:outlet";

  /**
   * @param minArticles a line must have appeared in at least this many earlier articles
   * @param minShare and in at least this share of the outlet's recent articles (0..1)
   * @param halfLife articles after which all counts halve
   * @param depth sketch rows
   * @param width sketch columns (memory is {@code 2 * depth * width} bytes per outlet plus ~0.6 KB)
   */
  public record Settings(int minArticles, double minShare, int halfLife, int depth, int width) {
    public Settings {
      if (minArticles < 2 || minShare < 0 || minShare > 1 || halfLife < 1) {
        throw new IllegalArgumentException(
            "minArticles >= 2, 0 <= minShare <= 1, halfLife >= 1 required");
      }
    }

    public static Settings defaults() {
      return new Settings(5, 0.2, 500, 3, 2048);
    }
  }

  private final LineStats stats;
  private final Settings settings;

  public OutletLineLearner(LineStats stats, Settings settings) {
    this.stats = Objects.requireNonNull(stats, "stats");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Removes the outlet's learned boilerplate from one article, then counts the article's lines.
   * Never removes every paragraph: an article made only of recurring lines is returned as is.
   *
   * @param outlet the outlet key (e.g. the site's host name), not null
   * @param article the extraction, not null
   * @return the extraction with learned lines moved to {@code removed}
   */
  public Extraction apply(String outlet, Extraction article) {
    Objects.requireNonNull(outlet, "outlet");
    Objects.requireNonNull(article, "article");
    LineSketch sketch = stats.load(outlet);
    if (sketch == null) {
      sketch = new LineSketch(settings.depth(), settings.width(), settings.halfLife());
    }
    List<String> kept = new ArrayList<>();
    List<Removed> removed = new ArrayList<>(article.removed());
    Set<Long> distinct = new LinkedHashSet<>();
    long fingerprint = 1469598103934665603L;
    for (String p : article.paragraphs()) {
      long h = hash(normalize(p));
      distinct.add(h);
      fingerprint = (fingerprint ^ h) * 1099511628211L;
      if (isLearned(sketch, h)) {
        removed.add(new Removed(p, REASON));
      } else {
        kept.add(p);
      }
    }
    if (kept.isEmpty()) {
      kept = article.paragraphs();
      removed = article.removed();
    }
    if (sketch.addArticle(fingerprint, distinct.stream().mapToLong(Long::longValue).toArray())) {
      stats.save(outlet, sketch);
    }
    return new Extraction(
        article.title(),
        kept,
        removed,
        article.language(),
        article.published(),
        article.modified(),
        article.authors(),
        article.dateline(),
        article.siteName(),
        article.canonicalUrl(),
        article.imageUrl(),
        article.pageKind());
  }

  private boolean isLearned(LineSketch sketch, long h) {
    int seen = sketch.estimate(h);
    return seen >= settings.minArticles() && seen >= settings.minShare() * sketch.articles();
  }

  /** Case, digits and spacing do not make a line different ("Updated 5 min ago" recurs). */
  static String normalize(String line) {
    return BoilerplateRules.fold(line)
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\d+", "0")
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }

  /** 64-bit FNV-1a of the UTF-8 bytes. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
