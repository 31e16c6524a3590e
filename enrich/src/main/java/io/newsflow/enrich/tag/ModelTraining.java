package io.newsflow.enrich.tag;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.learn.Logistic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains each topic's article-level model ({@link Model}) from labeled data and writes it into the
 * taxonomy file: logistic regression over {@link Features}, fitted by Newton's method with an L2
 * penalty on standardised features, so the same data always gives the same weights. The threshold
 * is then chosen on the real-news sets, where most articles that fire a cue are off topic, so that
 * is where precision is won or lost; ties go to the synthetic training items.
 *
 * <p>Only the training split is read: the validation split of {@code dev.jsonl} and of the WCXB
 * pages ({@link TagData#validation}) and {@code heldout8.jsonl} are never seen here.
 *
 * <p>{@code ModelTraining [PROJECT_ROOT] [--write]} (from the project root: {@code ./newsflow
 * train-tagger}). Without {@code --write} it only reports.
 */
public final class ModelTraining {
  /** L2 penalty on the standardised weights (not on the intercept), per unit of sample weight. */
  static final double LAMBDA = 1.0;

  /**
   * Weight of a real-news item in the fit: real articles that fire a cue are mostly off topic, the
   * synthetic ones mostly on topic, and the model is for real news.
   */
  static final double REAL_WEIGHT = 3.0;

  static final int FOLDS = 5;

  private static int fold(String id) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(("fold:" + id).getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % FOLDS);
  }

  /** The repository's own synthetic sets (enrich/src/test/resources/tag), all used to fit. */
  private static final String[] SYNTHETIC = {
    "snippets", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"
  };

  private ModelTraining() {}

  /** A named set of items, and whether it is drawn from a real news stream. */
  record Source(String name, List<TagData.Item> items, boolean real) {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : ".");
    boolean write = List.of(args).contains("--write");
    Path taxonomyFile = root.resolve("enrich/src/main/resources/taxonomy/topics.json");
    train(root, taxonomyFile, write, System.out);
    if (!write) {
      System.out.println("(dry run: add --write to store the models in " + taxonomyFile + ")");
    }
  }

  /** The training sources, from the project root and {@code ../shared} beside it. */
  static List<Source> sources(Path root) throws IOException {
    Path shared = root.resolve("../shared/bench");
    Path tag = root.resolve("enrich/src/test/resources/tag");
    List<Source> out = new ArrayList<>();
    out.add(
        new Source(
            "dev.jsonl (train split)",
            train(TagData.jsonl(shared.resolve("tagging/dev.jsonl"))),
            false));
    for (String s : SYNTHETIC) {
      out.add(new Source(s + ".jsonl", TagData.jsonl(tag.resolve(s + ".jsonl")), false));
    }
    out.add(
        new Source(
            "real-dev.jsonl", TagData.jsonl(shared.resolve("tagging/real-dev.jsonl")), true));
    out.add(
        new Source(
            "wcxb-dev (train split)",
            train(
                TagData.wcxb(
                    shared.resolve("extraction/wcxb-dev/ground-truth.json"),
                    tag.resolve("wcxb-labels.jsonl"))),
            true));
    return out;
  }

  private static List<TagData.Item> train(List<TagData.Item> items) {
    return items.stream().filter(i -> !TagData.validation(i.id())).toList();
  }

  /** Fits every topic that has labels in the data; writes the taxonomy when {@code write}. */
  public static void train(Path root, Path taxonomyFile, boolean write, PrintStream out)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode taxonomy = (ObjectNode) json.readTree(taxonomyFile.toFile());
    for (JsonNode t : taxonomy.path("topics")) {
      ((ObjectNode) t).remove("model");
    }
    Tagger tagger =
        Tagger.fromJson(
            new ByteArrayInputStream(json.writeValueAsBytes(taxonomy)), taxonomyFile.toString());
    List<Source> sources = sources(root);
    List<String> names = tagger.featureNames();
    List<String> topics = new ArrayList<>(tagger.topicNames());
    for (int ti = 0; ti < topics.size(); ti++) {
      String topic = topics.get(ti);
      List<double[]> xs = new ArrayList<>();
      List<Integer> ys = new ArrayList<>();
      List<Boolean> real = new ArrayList<>();
      List<Integer> foldOf = new ArrayList<>();
      int[] unreachable = new int[2];
      for (Source s : sources) {
        for (TagData.Item item : s.items()) {
          Engine.Analysis[] a = tagger.analyse(item.title(), item.text(), item.lang());
          boolean positive = item.labels().contains(topic);
          if (!Engine.proposes(a[ti])) {
            unreachable[s.real() ? 1 : 0] += positive ? 1 : 0;
            continue;
          }
          xs.add(tagger.features(a, ti));
          ys.add(positive ? 1 : 0);
          real.add(s.real());
          foldOf.add(fold(item.id()));
        }
      }
      long positives = ys.stream().filter(y -> y == 1).count();
      if (positives == 0 || positives == ys.size()) {
        out.printf("%s: no labels of both kinds in the data; left without a model%n", topic);
        continue;
      }
      double[][] x = xs.toArray(new double[0][]);
      int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
      double[] weight = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        weight[i] = real.get(i) ? REAL_WEIGHT : 1;
      }
      double[] fitted = fitSigned(x, y, weight, names);
      double[] p = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        p[i] = Logistic.probability(fitted, x[i]);
      }
      double threshold = chooseThreshold(p, y, real);
      // 5-fold cross-validation inside the training data: the figure to compare choices by
      double[] cv = new double[x.length];
      for (int fold = 0; fold < FOLDS; fold++) {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
          if (foldOf.get(i) != fold) {
            in.add(i);
          }
        }
        double[][] fx = new double[in.size()][];
        int[] fy = new int[in.size()];
        double[] fw = new double[in.size()];
        List<Boolean> freal = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
          fx[k] = x[in.get(k)];
          fy[k] = y[in.get(k)];
          fw[k] = weight[in.get(k)];
          freal.add(real.get(in.get(k)));
        }
        double[] fm = fitSigned(fx, fy, fw, names);
        double[] fp = new double[fx.length];
        for (int k = 0; k < fx.length; k++) {
          fp[k] = Logistic.probability(fm, fx[k]);
        }
        double ft = chooseThreshold(fp, fy, freal);
        for (int i = 0; i < x.length; i++) {
          if (foldOf.get(i) == fold) {
            cv[i] = Logistic.probability(fm, x[i]) >= ft ? 1 : 0;
          }
        }
      }
      out.printf(
          Locale.ROOT,
          "  5-fold cross-validation: synthetic %s, real %s%n",
          prf(cv, y, real, false, 0.5),
          prf(cv, y, real, true, 0.5));
      out.printf(
          Locale.ROOT,
          "%s: %d articles the rules propose (%d on topic), %d/%d on-topic synthetic/real items the"
              + " rules miss; threshold %.2f%n",
          topic,
          x.length,
          positives,
          unreachable[0],
          unreachable[1],
          threshold);
      for (int j = 0; j < names.size(); j++) {
        out.printf(Locale.ROOT, "  %-20s %+.3f%n", names.get(j), fitted[j + 1]);
      }
      out.printf(Locale.ROOT, "  %-20s %+.3f%n", "(bias)", fitted[0]);
      out.printf(
          Locale.ROOT,
          "  on the training data: synthetic %s, real %s%n",
          prf(p, y, real, false, threshold),
          prf(p, y, real, true, threshold));
      ObjectNode model = json.createObjectNode();
      model.put(
          "trained",
          "ModelTraining on dev.jsonl (train split), the repo's snippets/heldout..heldout7,"
              + " real-dev.jsonl and wcxb-dev (train split); see docs/tagging.md");
      ObjectNode weights = model.putObject("weights");
      for (int j = 0; j < names.size(); j++) {
        weights.put(names.get(j), round(fitted[j + 1]));
      }
      model.put("bias", round(fitted[0]));
      model.put("threshold", round(threshold));
      ((ObjectNode) taxonomy.path("topics").get(ti)).set("model", model);
    }
    if (write) {
      DefaultPrettyPrinter pp =
          new DefaultPrettyPrinter(
              com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(
                      com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
      pp.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
      pp.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
      String text = json.writer(pp).writeValueAsString(taxonomy) + "\n";
      Files.writeString(taxonomyFile, text, StandardCharsets.UTF_8);
      out.println("wrote " + taxonomyFile);
    }
  }

  /**
   * Fits, then drops the feature whose weight most contradicts its {@link Features#sign} and fits
   * again, until every weight agrees with its sign. Dropped features keep weight 0.
   */
  static double[] fitSigned(double[][] x, int[] y, double[] weight, List<String> names) {
    return Logistic.fitSigned(
        x, y, weight, LAMBDA, names.stream().mapToInt(Features::sign).toArray());
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  /**
   * The threshold with the best F1 on the real-news items (on a real stream, where few articles are
   * on topic, this is where precision is decided), ties broken by F1 on the synthetic items, then
   * by closeness to 0.5.
   */
  static double chooseThreshold(double[] p, int[] y, List<Boolean> real) {
    double best = 0.5;
    double[] bestScore = {-1, -1, -1};
    for (int k = 20; k <= 90; k++) {
      double t = k / 100.0;
      double[] score = {
        fBeta(p, y, real, true, t, 1), fBeta(p, y, real, false, t, 1), -Math.abs(t - 0.5)
      };
      if (better(score, bestScore)) {
        bestScore = score;
        best = t;
      }
    }
    return best;
  }

  private static boolean better(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > 1e-9) {
        return a[i] > b[i];
      }
    }
    return false;
  }

  private static double fBeta(
      double[] p, int[] y, List<Boolean> real, boolean which, double t, double beta) {
    int[] c = counts(p, y, real, which, t);
    double b2 = beta * beta;
    double d = (1 + b2) * c[0] + b2 * c[2] + c[1];
    return d == 0 ? 0 : (1 + b2) * c[0] / d;
  }

  private static String prf(double[] p, int[] y, List<Boolean> real, boolean which, double t) {
    int[] c = counts(p, y, real, which, t);
    return String.format(
        Locale.ROOT, "tp %d fp %d fn %d (among articles the rules propose)", c[0], c[1], c[2]);
  }

  /** {tp, fp, fn} at threshold {@code t} over the real ({@code which}) or synthetic items. */
  private static int[] counts(double[] p, int[] y, List<Boolean> real, boolean which, double t) {
    int[] c = new int[3];
    for (int i = 0; i < p.length; i++) {
      if (real.get(i) != which) {
        continue;
      }
      boolean predicted = p[i] >= t;
      c[0] += predicted && y[i] == 1 ? 1 : 0;
      c[1] += predicted && y[i] == 0 ? 1 : 0;
      c[2] += !predicted && y[i] == 1 ? 1 : 0;
    }
    return c;
  }
}
