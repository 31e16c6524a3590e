package io.newsflow.enrich.text.html;

import io.newsflow.enrich.eval.ExtractionEval;
import io.newsflow.enrich.eval.MetaEval;
import io.newsflow.enrich.eval.MetaScore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.jsoup.nodes.Document;

/**
 * How far a different choice among a page's title candidates could take the title on the WCXB
 * development pages (docs/extraction.md, "Titles: choosing among the same candidates"). Not a test:
 * run it by hand.
 *
 * <p>For each development page with a gold title: the candidates {@link Titles#choose} receives
 * (each metadata title and {@code <h1>} as written and without its site part, the first {@code
 * <h2>}s), whether the gold is among them (the bound of any choice), which sources hold it, how the
 * gold splits between the {@code <h1>} and the metadata title on article pages where the two
 * differ, and a conditional-logit choice over the candidates' sources and agreement fitted in five
 * folds (each fold scored by a model fitted on the other four). The metric is score_meta.py's:
 * NFKC, spaces collapsed, case folded. The validation split is read only with {@code --validation}.
 *
 * <pre>
 * java -cp "$(cat /tmp/enrich-test.cp):enrich/target/classes:enrich/target/test-classes" \
 *     io.newsflow.enrich.text.html.TitleBounds ../shared/bench/extraction/wcxb-dev
 * </pre>
 */
public final class TitleBounds {
  private static final String[] META_SOURCES = {"ld", "og", "tw", "title"};

  /** Source labels in the order of the first features. */
  private static final List<String> SOURCES =
      List.of(
          "ld-raw",
          "ld-strip",
          "og-raw",
          "og-strip",
          "tw-raw",
          "tw-strip",
          "title-raw",
          "title-strip",
          "h1-raw",
          "h1-strip",
          "h1-later",
          "h2-first",
          "h2-later");

  private static final Pattern DASH = Pattern.compile("\\s[-–—]\\s");

  private record Page(
      String id, String type, String gold, String shipped, Map<String, Set<String>> cands) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: TitleBounds WCXB_DEV_FOLDER [--validation]");
      System.exit(2);
    }
    boolean validation = args.length > 1 && args[1].equals("--validation");
    Path folder = Path.of(args[0]);
    Map<String, MetaEval.GoldPage> gold = MetaEval.readGold(folder.resolve("ground-truth.json"));
    Map<String, Path> files = ExtractionEval.listPages(folder.resolve("html"));
    List<Page> pages = new ArrayList<>();
    for (Map.Entry<String, MetaEval.GoldPage> g : gold.entrySet()) {
      MetaScore.Gold m = g.getValue().meta();
      if (MetaEval.isValidation(g.getKey()) != validation
          || m.title() == null
          || m.title().isBlank()
          || !files.containsKey(g.getKey())) {
        continue;
      }
      String html =
          new String(ExtractionEval.readPage(files.get(g.getKey())), StandardCharsets.UTF_8);
      Document doc = HtmlArticle.parse(html, g.getValue().url());
      Titles.Inputs in = PageMetadata.titleInputs(doc);
      String shipped = Titles.choose(in);
      pages.add(new Page(g.getKey(), m.pageType(), m.title(), shipped, candidates(in, shipped)));
    }
    report(pages, validation ? "validation" : "dev");
  }

  /** Every text the choice could return, with the sources that give it. */
  private static Map<String, Set<String>> candidates(Titles.Inputs in, String shipped) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < in.metas().size(); i++) {
      String m = Titles.clean(in.metas().get(i));
      if (m != null) {
        add(out, m, META_SOURCES[i] + "-raw");
        add(
            out,
            Titles.clean(PageMetadata.stripSiteName(m, in.site(), in.host())),
            META_SOURCES[i] + "-strip");
      }
    }
    for (int i = 0; i < in.h1s().size(); i++) {
      String h = Titles.clean(in.h1s().get(i));
      if (h != null && i == 0) {
        add(out, h, "h1-raw");
        add(
            out,
            Titles.clean(PageMetadata.stripSiteName(h, in.site(), in.host(), false)),
            "h1-strip");
      } else if (h != null) {
        add(out, h, "h1-later");
      }
    }
    for (int i = 0; i < in.h2s().size(); i++) {
      add(out, Titles.clean(in.h2s().get(i)), i == 0 ? "h2-first" : "h2-later");
    }
    if (shipped != null) {
      add(out, shipped, "shipped");
    }
    return out;
  }

  private static void add(Map<String, Set<String>> out, String text, String source) {
    if (text != null) {
      out.computeIfAbsent(text, k -> new LinkedHashSet<>()).add(source);
    }
  }

  private static void report(List<Page> pages, String split) {
    int right = 0;
    int reachable = 0;
    Map<String, Integer> bySource = new TreeMap<>();
    for (Page p : pages) {
      right += same(p.shipped(), p.gold()) ? 1 : 0;
      boolean any = false;
      for (Map.Entry<String, Set<String>> c : p.cands().entrySet()) {
        if (same(c.getKey(), p.gold())) {
          any = true;
          c.getValue().forEach(s -> bySource.merge(s, 1, Integer::sum));
        }
      }
      reachable += any ? 1 : 0;
    }
    int n = pages.size();
    System.out.printf("%s split: %d pages with a gold title%n", split, n);
    System.out.printf("  shipped choice right        %4d (%.3f)%n", right, right / (double) n);
    System.out.printf(
        "  gold among the candidates   %4d (%.3f)%n", reachable, reachable / (double) n);
    System.out.printf("  pages whose gold each source gives: %s%n", bySource);

    // article pages whose <h1> (site part off) and metadata title (og:title, else <title>) differ
    int[] split2 = new int[6];
    for (Page p : pages) {
      String h1 = source(p, "h1-strip");
      String meta = source(p, "og-strip");
      meta = meta == null ? source(p, "title-strip") : meta;
      if (!"article".equals(p.type()) || h1 == null || meta == null || same(h1, meta)) {
        continue;
      }
      split2[0]++;
      split2[1] += same(h1, p.gold()) ? 1 : 0;
      split2[2] += same(meta, p.gold()) ? 1 : 0;
      split2[3] += same(p.shipped(), p.gold()) ? 1 : 0;
    }
    System.out.printf(
        "  articles whose <h1> and metadata title differ: %d; gold is the <h1> on %d, the metadata"
            + " title on %d; shipped right on %d%n",
        split2[0], split2[1], split2[2], split2[3]);

    // a conditional-logit choice over the candidates, five folds
    int cv = 0;
    int shippedCv = 0;
    for (int fold = 0; fold < 5; fold++) {
      List<Page> train = new ArrayList<>();
      List<Page> test = new ArrayList<>();
      for (Page p : pages) {
        (fold(p.id()) == fold ? test : train).add(p);
      }
      double[] w = fit(train);
      for (Page p : test) {
        cv += same(best(p, w), p.gold()) ? 1 : 0;
        shippedCv += same(p.shipped(), p.gold()) ? 1 : 0;
      }
    }
    System.out.printf(
        "  learned choice, five folds  %4d (%.3f) against shipped %d%n",
        cv, cv / (double) n, shippedCv);
  }

  private static String source(Page p, String label) {
    for (Map.Entry<String, Set<String>> c : p.cands().entrySet()) {
      if (c.getValue().contains(label)) {
        return c.getKey();
      }
    }
    return null;
  }

  private static int fold(String id) {
    CRC32 crc = new CRC32();
    crc.update(id.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 5);
  }

  /** Features of one candidate of a page. */
  private static double[] features(Page p, String text) {
    Set<String> from = p.cands().get(text);
    double[] f = new double[SOURCES.size() + 10];
    for (int i = 0; i < SOURCES.size(); i++) {
      f[i] = from.contains(SOURCES.get(i)) ? 1 : 0;
    }
    int k = SOURCES.size();
    int sources = 0;
    int agreeing = 0;
    for (Map.Entry<String, Set<String>> c : p.cands().entrySet()) {
      long metaOrH1 =
          c.getValue().stream().filter(s -> !s.startsWith("h2") && !s.equals("shipped")).count();
      sources += (int) metaOrH1;
      if (!c.getKey().equals(text) && Titles.agree(c.getKey(), text)) {
        agreeing += (int) metaOrH1;
      }
    }
    sources = Math.max(1, sources);
    long own = from.stream().filter(s -> !s.startsWith("h2") && !s.equals("shipped")).count();
    String lower = text.toLowerCase(Locale.ROOT);
    boolean contains = false;
    boolean inside = false;
    for (String o : p.cands().keySet()) {
      String ol = o.toLowerCase(Locale.ROOT);
      contains |= !o.equals(text) && ol.length() < lower.length() && lower.contains(ol);
      inside |= !o.equals(text) && ol.length() > lower.length() && ol.contains(lower);
    }
    f[k] = from.contains("shipped") ? 1 : 0;
    f[k + 1] = agreeing / (double) sources;
    f[k + 2] = own / (double) sources;
    f[k + 3] = Math.log1p(text.split(" ").length);
    f[k + 4] = text.contains("|") ? 1 : 0;
    f[k + 5] = DASH.matcher(text).find() ? 1 : 0;
    f[k + 6] = text.contains(":") ? 1 : 0;
    f[k + 7] = contains ? 1 : 0;
    f[k + 8] = inside ? 1 : 0;
    f[k + 9] = 1; // a bias is meaningless in a choice; kept at weight 0 by the penalty
    return f;
  }

  private static String best(Page p, double[] w) {
    String best = null;
    double top = Double.NEGATIVE_INFINITY;
    for (String c : p.cands().keySet()) {
      double s = dot(w, features(p, c));
      if (s > top) {
        top = s;
        best = c;
      }
    }
    return best;
  }

  /** Conditional logit: maximises the probability of the gold candidates, L2 penalty 1. */
  private static double[] fit(List<Page> pages) {
    int d = SOURCES.size() + 10;
    double[] w = new double[d];
    List<double[][]> xs = new ArrayList<>();
    List<boolean[]> ys = new ArrayList<>();
    for (Page p : pages) {
      List<String> cands = new ArrayList<>(p.cands().keySet());
      double[][] x = new double[cands.size()][];
      boolean[] y = new boolean[cands.size()];
      boolean any = false;
      for (int i = 0; i < x.length; i++) {
        x[i] = features(p, cands.get(i));
        y[i] = same(cands.get(i), p.gold());
        any |= y[i];
      }
      if (any) {
        xs.add(x);
        ys.add(y);
      }
    }
    for (int it = 0; it < 1500; it++) {
      double[] g = new double[d];
      for (int j = 0; j < xs.size(); j++) {
        double[][] x = xs.get(j);
        boolean[] y = ys.get(j);
        double[] s = new double[x.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
          s[i] = dot(w, x[i]);
          max = Math.max(max, s[i]);
        }
        double z = 0;
        double zy = 0;
        for (int i = 0; i < x.length; i++) {
          s[i] = Math.exp(s[i] - max);
          z += s[i];
          zy += y[i] ? s[i] : 0;
        }
        for (int i = 0; i < x.length; i++) {
          double coef = s[i] / z - (y[i] ? s[i] / zy : 0);
          for (int k = 0; k < d; k++) {
            g[k] += coef * x[i][k];
          }
        }
      }
      for (int k = 0; k < d; k++) {
        w[k] -= 2.0 * (g[k] + w[k]) / xs.size();
      }
    }
    return w;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static boolean same(String a, String b) {
    return a != null && b != null && MetaScore.sameTitle(a, b);
  }
}
