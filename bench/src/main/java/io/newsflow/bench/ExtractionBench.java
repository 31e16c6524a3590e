package io.newsflow.bench;

import io.newsflow.enrich.eval.ExtractionEval;
import io.newsflow.enrich.eval.ShingleScore;
import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.ExtractorSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import net.dankito.readability4j.Readability4J;

/**
 * Extraction speed and quality, side by side: newsflow, Readability4J and boilerpipe on the same
 * pages in one JVM, single thread. Pages are read and decoded once, up front; each timed round runs
 * one extractor over every page, rounds rotate between the extractors, the first {@code --warmup}
 * rounds of each are not counted, and the median pages/s of the rest is printed, with the median of
 * each round's ratio to Readability4J's rate in the same round. The F1/P/R of each extractor (the
 * benchmark's metric) are printed too when a gold file is given.
 *
 * <pre>
 * java -cp ... io.newsflow.bench.ExtractionBench PAGES_DIR [GOLD.json] [--rounds N] [--warmup N]
 * </pre>
 */
public final class ExtractionBench {
  private ExtractionBench() {}

  public static void main(String[] args) throws Exception {
    List<String> pos = new ArrayList<>();
    int rounds = 10;
    int warmup = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> pos.add(args[i]);
      }
    }
    if (pos.isEmpty()) {
      System.err.println("usage: ExtractionBench PAGES_DIR [GOLD.json] [--rounds N] [--warmup N]");
      System.exit(2);
    }
    Map<String, Path> files = ExtractionEval.listPages(Path.of(pos.get(0)));
    Map<String, String> pages = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      pages.put(
          e.getKey(), new String(ExtractionEval.readPage(e.getValue()), StandardCharsets.UTF_8));
    }
    Map<String, String> gold = pos.size() > 1 ? ExtractionEval.readGold(Path.of(pos.get(1))) : null;

    ArticleExtractor newsflow = new ArticleExtractor(ExtractorSettings.defaults());
    Map<String, Function<String, String>> extractors = new LinkedHashMap<>();
    extractors.put(
        "newsflow " + ArticleExtractor.VERSION, html -> newsflow.extractHtml(html, null).text());
    extractors.put(
        "Readability4J 1.0.8",
        html -> new Readability4J("http://localhost/", html).parse().getTextContent());
    extractors.put("boilerpipe 1.2.2 ArticleExtractor", ExtractionBench::boilerpipe);

    Map<String, double[]> rates = new LinkedHashMap<>();
    int total = warmup + rounds;
    for (String name : extractors.keySet()) {
      rates.put(name, new double[rounds]);
    }
    long sink = 0;
    for (int r = 0; r < total; r++) {
      for (Map.Entry<String, Function<String, String>> ex : extractors.entrySet()) {
        long t0 = System.nanoTime();
        for (String html : pages.values()) {
          String out = safe(ex.getValue(), html);
          sink += out.length();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (r >= warmup) {
          rates.get(ex.getKey())[r - warmup] = pages.size() / secs;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d pages, single thread, %d warm-up + %d timed rounds per extractor (checksum %d)%n",
        pages.size(),
        warmup,
        rounds,
        sink);
    System.out.printf(
        Locale.ROOT,
        "%-36s %10s %10s %10s %12s   %s%n",
        "extractor",
        "median p/s",
        "min p/s",
        "max p/s",
        "x Readab.",
        gold == null ? "" : "F1     P      R      empty");
    double[] reference = rates.get("Readability4J 1.0.8");
    for (Map.Entry<String, Function<String, String>> ex : extractors.entrySet()) {
      double[] v = rates.get(ex.getKey()).clone();
      // same-round ratios cancel most of the load other processes put on a shared machine
      double[] ratio = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        ratio[i] = v[i] / reference[i];
      }
      Arrays.sort(v);
      String quality = gold == null ? "" : quality(ex.getValue(), pages, gold);
      System.out.printf(
          Locale.ROOT,
          "%-36s %10.1f %10.1f %10.1f %12.2f   %s%n",
          ex.getKey(),
          median(v),
          v[0],
          v[v.length - 1],
          median(ratio),
          quality);
    }
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String quality(
      Function<String, String> ex, Map<String, String> pages, Map<String, String> gold) {
    List<ShingleScore.Counts> counts = new ArrayList<>();
    for (Map.Entry<String, String> g : gold.entrySet()) {
      String html = pages.get(g.getKey());
      counts.add(ShingleScore.score(g.getValue(), html == null ? "" : safe(ex, html)));
    }
    ShingleScore.Summary s = ShingleScore.summarize(counts);
    return String.format(
        Locale.ROOT, "%.3f  %.3f  %.3f  %d", s.f1(), s.precision(), s.recall(), s.empty());
  }

  private static String safe(Function<String, String> ex, String html) {
    try {
      String out = ex.apply(html);
      return out == null ? "" : out;
    } catch (RuntimeException failed) {
      return "";
    }
  }

  private static String boilerpipe(String html) {
    try {
      return de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(html);
    } catch (Exception e) {
      return "";
    }
  }
}
