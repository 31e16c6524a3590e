package io.newsflow.cli.health;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Keeps, per outlet, what extraction yielded for its recent articles and for the ones before, and
 * says when the recent ones break from that history: the body got much shorter or longer, a much
 * larger or smaller share of lines was removed, many more articles came out empty or dead-lettered,
 * or the title or the date went missing. An outlet is judged only once it has a history of {@code
 * history} articles; after an alert its history starts again, so the new template becomes the
 * outlet's normal and one change raises one alert. Not thread-safe.
 */
public final class ExtractionHealth {
  /**
   * @param history how many of an outlet's articles before the recent ones form its history; no
   *     alert before the outlet has that many
   * @param recent how many of its latest articles are compared with that history
   */
  public record Settings(int history, int recent) {
    public Settings {
      if (history < 5 || recent < 5) {
        throw new IllegalArgumentException("history and recent need at least 5 articles each");
      }
    }

    public static Settings defaults() {
      return new Settings(30, 20);
    }
  }

  /**
   * What extraction yielded for one article.
   *
   * @param bodyChars characters of the clean body (0 when dead-lettered)
   * @param removedShare removed lines over removed lines plus kept paragraphs, in [0, 1]
   * @param failed the body came out empty or the article was dead-lettered
   * @param missingTitle no title was found
   * @param missingDate no publication date was found
   * @param notNews the page was judged not to be news (its page kind sent it to news.pages)
   */
  public record Sample(
      int bodyChars,
      double removedShare,
      boolean failed,
      boolean missingTitle,
      boolean missingDate,
      boolean notNews) {
    public Sample(
        int bodyChars,
        double removedShare,
        boolean failed,
        boolean missingTitle,
        boolean missingDate) {
      this(bodyChars, removedShare, failed, missingTitle, missingDate, false);
    }

    /** The same figures, for a page judged not to be news. */
    public Sample notNewsPage() {
      return new Sample(bodyChars, removedShare, failed, missingTitle, missingDate, true);
    }

    /**
     * What extraction yielded, from its counts.
     *
     * @param bodyChars characters of the clean body
     * @param paragraphs paragraphs kept
     * @param removed lines or blocks removed
     */
    public static Sample of(
        int bodyChars, int paragraphs, int removed, boolean missingTitle, boolean missingDate) {
      return new Sample(
          bodyChars,
          removed + paragraphs == 0 ? 0 : removed / (double) (removed + paragraphs),
          paragraphs == 0,
          missingTitle,
          missingDate);
    }

    /** An article that never became an enriched one. */
    public static Sample deadLettered() {
      return new Sample(0, 0, true, true, true);
    }
  }

  /**
   * An outlet's figure broke from its history.
   *
   * @param figure which figure, e.g. {@code median body length}
   * @param before its value over the history
   * @param now its value over the recent articles
   */
  public record Alert(String outlet, String figure, double before, double now, String message) {}

  private final Settings settings;
  private final Map<String, Deque<Sample>> byOutlet = new HashMap<>();

  public ExtractionHealth(Settings settings) {
    this.settings = settings;
  }

  /** Records one article of {@code outlet}; returns the alert it completes, if any. */
  public Optional<Alert> observe(String outlet, Sample s) {
    Deque<Sample> samples = byOutlet.computeIfAbsent(outlet, o -> new ArrayDeque<>());
    samples.addLast(s);
    while (samples.size() > settings.history() + settings.recent()) {
      samples.removeFirst();
    }
    if (samples.size() < settings.history() + settings.recent()) {
      return Optional.empty();
    }
    List<Sample> all = new ArrayList<>(samples);
    List<Sample> before = all.subList(0, settings.history());
    List<Sample> now = all.subList(settings.history(), all.size());
    Optional<Alert> alert = judge(outlet, before, now);
    // the outlet's new normal builds up from here: one change, one alert
    alert.ifPresent(a -> samples.clear());
    return alert;
  }

  private static Optional<Alert> judge(String outlet, List<Sample> before, List<Sample> now) {
    double failedBefore = share(before, Sample::failed);
    double failedNow = share(now, Sample::failed);
    if (failedNow - failedBefore >= 0.3) {
      return alert(outlet, "empty or dead-lettered share", failedBefore, failedNow, true);
    }
    List<Sample> okBefore = before.stream().filter(x -> !x.failed()).toList();
    List<Sample> okNow = now.stream().filter(x -> !x.failed()).toList();
    if (okBefore.size() >= 5 && okNow.size() >= 5) {
      double lenBefore = median(okBefore, Sample::bodyChars);
      double lenNow = median(okNow, Sample::bodyChars);
      if (lenBefore > 0 && (lenNow < lenBefore * 0.4 || lenNow > lenBefore * 2.5)) {
        return alert(outlet, "median body length", lenBefore, lenNow, false);
      }
      double removedBefore = mean(okBefore, Sample::removedShare);
      double removedNow = mean(okNow, Sample::removedShare);
      if (Math.abs(removedNow - removedBefore) >= 0.3) {
        return alert(outlet, "share of lines removed", removedBefore, removedNow, true);
      }
    }
    for (Map.Entry<String, Predicate<Sample>> f :
        Map.<String, Predicate<Sample>>of(
                "share without a title", Sample::missingTitle,
                "share without a date", Sample::missingDate,
                "share not judged to be news articles", Sample::notNews)
            .entrySet()) {
      double b = share(before, f.getValue());
      double n = share(now, f.getValue());
      if (n - b >= 0.5) {
        return alert(outlet, f.getKey(), b, n, true);
      }
    }
    return Optional.empty();
  }

  private static Optional<Alert> alert(
      String outlet, String figure, double before, double now, boolean share) {
    String b = share ? percent(before) : String.format(Locale.ROOT, "%.0f chars", before);
    String n = share ? percent(now) : String.format(Locale.ROOT, "%.0f chars", now);
    return Optional.of(
        new Alert(
            outlet,
            figure,
            before,
            now,
            outlet
                + ": extraction changed, "
                + figure
                + " went from "
                + b
                + " to "
                + n
                + " over its latest articles; its page template may have changed."
                + " Look at a recent article of it (dashboard, or newsflow tail)."));
  }

  private static String percent(double x) {
    return String.format(Locale.ROOT, "%.0f%%", x * 100);
  }

  private static double share(List<Sample> xs, Predicate<Sample> p) {
    return xs.isEmpty() ? 0 : xs.stream().filter(p).count() / (double) xs.size();
  }

  private static double mean(List<Sample> xs, ToDoubleFunction<Sample> f) {
    return xs.stream().mapToDouble(f).average().orElse(0);
  }

  private static double median(List<Sample> xs, ToDoubleFunction<Sample> f) {
    List<Double> v = new ArrayList<>();
    xs.forEach(x -> v.add(f.applyAsDouble(x)));
    Collections.sort(v);
    int m = v.size() / 2;
    return v.size() % 2 == 1 ? v.get(m) : (v.get(m - 1) + v.get(m)) / 2;
  }
}
