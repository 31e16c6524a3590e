package io.newsflow.bench.sink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** Percentiles of the counted samples: end to end, split by stage, and per 5-second window. */
final class LatencyReport {
  private static final int WINDOW_SECONDS = 5;

  private LatencyReport() {}

  static void print(String path, int rate, int threads, List<Sample> all, int warmupSeconds) {
    List<Sample> samples = new ArrayList<>(all);
    if (samples.isEmpty()) {
      System.out.println("no article reached the sink");
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%s at %d articles/s%s, %d articles: %s%n",
        path,
        rate,
        threads > 0 ? " (" + threads + " enrich threads)" : "",
        samples.size(),
        line(samples, Sample::totalNanos));
    List<Sample> split = samples.stream().filter(Sample::split).toList();
    if (!split.isEmpty() && threads > 0) {
      System.out.printf(
          Locale.ROOT,
          "  enrich share (sent -> visible on news.enriched): %s%n",
          line(split, Sample::enrichNanos));
      System.out.printf(
          Locale.ROOT,
          "  sink share (visible -> committed by the sink):    %s%n",
          line(split, Sample::sinkNanos));
    }
    TreeMap<Integer, List<Sample>> windows = new TreeMap<>();
    for (Sample s : samples) {
      int second = s.seq() / rate - warmupSeconds;
      windows.computeIfAbsent(second / WINDOW_SECONDS, k -> new ArrayList<>()).add(s);
    }
    windows.forEach(
        (w, in) ->
            System.out.printf(
                Locale.ROOT,
                "  %3d-%3d s: %s%n",
                w * WINDOW_SECONDS,
                (w + 1) * WINDOW_SECONDS,
                line(in, Sample::totalNanos)));
  }

  private static String line(List<Sample> samples, ToLongFunction<Sample> f) {
    List<Long> sorted = new ArrayList<>(samples.size());
    samples.forEach(s -> sorted.add(f.applyAsLong(s)));
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
        ms(sorted, 0.50),
        ms(sorted, 0.95),
        ms(sorted, 0.99),
        sorted.get(sorted.size() - 1) / 1e6);
  }

  static double ms(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
  }
}
