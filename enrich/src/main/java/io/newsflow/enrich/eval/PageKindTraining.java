package io.newsflow.enrich.eval;

import io.newsflow.enrich.learn.Logistic;
import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.ExtractionException;
import io.newsflow.enrich.text.html.PageKindModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Fits the page-kind model ({@link PageKindModel}) from the pages beside the project: an
 * L2-penalised logistic regression ({@link Logistic}, the tagger's fitter; deterministic, so the
 * same pages always give the same bytes) of "not an article" over the extractor's page-kind
 * features. It learns from the development part of {@code ../shared/bench/extraction/wcxb-dev}
 * (articles and other pages; {@link MetaEval#isValidation} pages are never read for the fit or the
 * threshold) and the scrapinghub news pages (all articles). The threshold is where {@link
 * #KEPT_OUT} of the training articles score higher over five folds, each scored by a model fitted
 * on the other four. Reports the five-fold figures, the validation figures of the final model, and
 * with {@code errors > 0} the development pages it gets most wrong.
 *
 * <p>{@code PageKindTraining [PROJECT_ROOT] [--write] [--errors N]} (or {@code newsflow
 * train-page-kinds}).
 */
public final class PageKindTraining {
  /** L2 penalty on the standardised weights, per unit of sample weight. */
  static final double LAMBDA = 0.3;

  /** Weight of an article in the fit: losing an article costs more than keeping a page. */
  static final double ARTICLE_WEIGHT = 4.0;

  /** Share of the training articles (five-fold scores) allowed above the threshold. */
  static final double KEPT_OUT = 0.01;

  static final int FOLDS = 5;

  private PageKindTraining() {}

  /** One page: its id, its gold kind, whether it is a validation page, and its features. */
  record Row(String set, String id, String kind, boolean validation, String url, double[] x) {
    boolean notArticle() {
      return !kind.equals("article");
    }
  }

  /**
   * The trained model, the report, and the five-fold figures: shares of the development split's
   * non-articles kept out and of its articles wrongly kept out, and news pages kept out.
   */
  record Outcome(
      PageKindModel model, String report, double devKeptOut, double devLost, int newsLost) {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : ".");
    List<String> a = List.of(args);
    boolean write = a.contains("--write");
    int errors = a.contains("--errors") ? Integer.parseInt(a.get(a.indexOf("--errors") + 1)) : 0;
    System.exit(run(root, write, errors, System.out));
  }

  /** Trains, prints the report, and writes the model file when {@code write}; 0 on success. */
  public static int run(Path root, boolean write, int errors, PrintStream out) throws IOException {
    Path wcxb = wcxb(root);
    Path news = news(root);
    Path target = modelFile(root);
    if (!Files.isDirectory(wcxb.resolve("html"))
        || !Files.isDirectory(news.resolve("html"))
        || !Files.isDirectory(target.getParent())) {
      System.err.println(
          "newsflow train-page-kinds: run it from the project root with ../shared beside it"
              + " (looked for "
              + wcxb.normalize()
              + " and "
              + news.normalize()
              + ", and for "
              + target.getParent().normalize()
              + ")");
      return 2;
    }
    List<Row> rows = new ArrayList<>(rows("wcxb", wcxb));
    rows.addAll(rows("news", news));
    Outcome o = train(rows, errors);
    out.print(o.report());
    if (write) {
      Files.writeString(target, o.model().toJson(), StandardCharsets.UTF_8);
      out.println("wrote " + target);
    } else {
      out.println("(nothing written: add --write to store the model in " + target + ")");
    }
    return 0;
  }

  static Path wcxb(Path root) {
    return root.resolve("../shared/bench/extraction/wcxb-dev");
  }

  static Path news(Path root) {
    return root.resolve("../shared/bench/extraction/scrapinghub");
  }

  /** Where {@code --write} stores the model. */
  static Path modelFile(Path root) {
    return root.resolve("enrich/src/main/resources").resolve(PageKindModel.RESOURCE);
  }

  /** The features of every gold page found in {@code dir/html}, in id order. */
  static List<Row> rows(String set, Path dir) throws IOException {
    Map<String, MetaEval.GoldPage> gold = MetaEval.readGold(dir.resolve("ground-truth.json"));
    Map<String, Path> files = ExtractionEval.listPages(dir.resolve("html"));
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, MetaEval.GoldPage> g : new TreeMap<>(gold).entrySet()) {
      Path file = files.get(g.getKey());
      if (file == null) {
        continue;
      }
      String kind = g.getValue().meta().pageType();
      try {
        double[] x =
            ArticleExtractor.pageKindFeatures(ExtractionEval.readPage(file), g.getValue().url());
        out.add(
            new Row(
                set,
                g.getKey(),
                kind == null ? "article" : kind,
                MetaEval.isValidation(g.getKey()),
                g.getValue().url(),
                x));
      } catch (ExtractionException refused) {
        // a page the extractor refuses has no kind to learn from
      }
    }
    return out;
  }

  private static int fold(String id) {
    CRC32 crc = new CRC32();
    crc.update(("fold:" + id).getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % FOLDS);
  }

  private static double[] fit(List<Row> rows) {
    double[][] x = new double[rows.size()][];
    int[] y = new int[rows.size()];
    double[] w = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      x[i] = r.x();
      y[i] = r.notArticle() ? 1 : 0;
      w[i] = r.notArticle() ? 1 : ARTICLE_WEIGHT;
    }
    return Logistic.fitSigned(x, y, w, LAMBDA, PageKindModel.featureSigns());
  }

  /** The score above which {@code share} of the articles' scores lie. */
  static double threshold(double[] articleScores, double share) {
    double[] s = articleScores.clone();
    Arrays.sort(s);
    int above = (int) Math.floor(share * s.length);
    return s[s.length - 1 - above];
  }

  /** Fits on the training rows (never the WCXB validation ones) and scores every part apart. */
  static Outcome train(List<Row> rows, int errors) {
    List<Row> train =
        rows.stream().filter(r -> !r.validation() || !r.set().equals("wcxb")).toList();
    List<Row> validation =
        rows.stream().filter(r -> r.validation() && r.set().equals("wcxb")).toList();
    double[] oof = new double[train.size()];
    for (int f = 0; f < FOLDS; f++) {
      int k = f;
      double[] w = fit(train.stream().filter(r -> fold(r.id()) != k).toList());
      for (int i = 0; i < train.size(); i++) {
        if (fold(train.get(i).id()) == k) {
          oof[i] = Logistic.logit(w, train.get(i).x());
        }
      }
    }
    List<Double> articleScores = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      if (!train.get(i).notArticle()) {
        articleScores.add(oof[i]);
      }
    }
    double t = threshold(articleScores.stream().mapToDouble(d -> d).toArray(), KEPT_OUT);
    double[] w = fit(train);
    PageKindModel model =
        PageKindModel.of(
            Arrays.copyOfRange(w, 1, w.length),
            w[0],
            t,
            String.format(
                Locale.ROOT,
                "newsflow train-page-kinds: logistic regression (L2 %.2f, articles weighted %.1f,"
                    + " each weight on its feature's expected side)"
                    + " on %d pages: wcxb-dev's development split and the scrapinghub news pages;"
                    + " threshold where %.0f %% of their articles score higher over %d folds."
                    + " See docs/extraction.md",
                LAMBDA,
                ARTICLE_WEIGHT,
                train.size(),
                KEPT_OUT * 100,
                FOLDS));
    try {
      // figures of the model as stored (rounded), not of the unrounded fit
      model =
          PageKindModel.read(
              new ByteArrayInputStream(model.toJson().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder s = new StringBuilder();
    double[] threshold = {t};
    s.append(
        String.format(
            Locale.ROOT,
            "training pages: %d (wcxb-dev development %d, news %d); validation pages: %d%n",
            train.size(),
            train.stream().filter(r -> r.set().equals("wcxb")).count(),
            train.stream().filter(r -> r.set().equals("news")).count(),
            validation.size()));
    s.append("five folds (each page scored by a model fitted without its fold):\n");
    s.append(figures("  wcxb-dev development", train, oof, threshold[0], "wcxb"));
    s.append(figures("  news pages", train, oof, threshold[0], "news"));
    double[] final_ = new double[validation.size()];
    for (int i = 0; i < validation.size(); i++) {
      final_[i] = model.score(validation.get(i).x());
    }
    s.append("the model as stored:\n");
    s.append(figures("  wcxb-dev validation", validation, final_, model.threshold(), "wcxb"));
    double[] onTrain = new double[train.size()];
    for (int i = 0; i < train.size(); i++) {
      onTrain[i] = model.score(train.get(i).x());
    }
    s.append(figures("  news pages (in-sample)", train, onTrain, model.threshold(), "news"));
    s.append(
        String.format(Locale.ROOT, "threshold %.4f, bias %.4f%n", model.threshold(), model.bias()));
    model
        .weights()
        .forEach((n, v) -> s.append(String.format(Locale.ROOT, "  %-20s %+.4f%n", n, v)));
    if (errors > 0) {
      s.append(misses(train, oof, threshold[0], errors));
    }
    int[] dev = new int[4];
    int newsLost = 0;
    for (int i = 0; i < train.size(); i++) {
      Row r = train.get(i);
      boolean out = oof[i] > t;
      if (r.set().equals("news")) {
        newsLost += out && !r.notArticle() ? 1 : 0;
      } else if (r.notArticle()) {
        dev[0] += out ? 1 : 0;
        dev[1]++;
      } else {
        dev[2] += out ? 1 : 0;
        dev[3]++;
      }
    }
    return new Outcome(
        model,
        s.toString(),
        (double) dev[0] / Math.max(1, dev[1]),
        (double) dev[2] / Math.max(1, dev[3]),
        newsLost);
  }

  /** Share of non-articles kept out and of articles wrongly kept out, and kept out by gold kind. */
  private static String figures(String label, List<Row> rows, double[] z, double t, String set) {
    int notArticles = 0;
    int out = 0;
    int articles = 0;
    int lost = 0;
    Map<String, int[]> byKind = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (!r.set().equals(set)) {
        continue;
      }
      boolean kept = z[i] > t;
      if (r.notArticle()) {
        notArticles++;
        out += kept ? 1 : 0;
        int[] c = byKind.computeIfAbsent(r.kind(), k -> new int[2]);
        c[0] += kept ? 1 : 0;
        c[1]++;
      } else {
        articles++;
        lost += kept ? 1 : 0;
      }
    }
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s: not-articles kept out %s, articles wrongly kept out %s%n",
                label,
                share(out, notArticles),
                share(lost, articles)));
    if (!byKind.isEmpty()) {
      s.append("    kept out by kind:");
      byKind.forEach(
          (k, c) -> s.append(' ').append(k).append(' ').append(c[0]).append('/').append(c[1]));
      s.append('\n');
    }
    return s.toString();
  }

  private static String share(int n, int of) {
    return of == 0
        ? "- (0 pages)"
        : String.format(Locale.ROOT, "%.3f (%d / %d)", (double) n / of, n, of);
  }

  /** The development pages the five-fold scores get most wrong, for reading. */
  private static String misses(List<Row> rows, double[] z, double t, int n) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      boolean wrong = (z[i] > t) != rows.get(i).notArticle();
      if (wrong) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble(i -> -Math.abs(z[i] - t)));
    StringBuilder s =
        new StringBuilder("development pages on the wrong side (five-fold scores):\n");
    for (int i : order.subList(0, Math.min(n, order.size()))) {
      Row r = rows.get(i);
      s.append(
          String.format(
              Locale.ROOT,
              "  %+.2f %-14s %s %s %s%n",
              z[i] - t,
              r.kind(),
              r.set(),
              r.id(),
              r.url()));
    }
    return s.toString();
  }
}
