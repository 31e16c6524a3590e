package io.newsflow.enrich.text.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page-kind model: one weight per feature of {@link PageKinds#FEATURES}, a bias and the
 * log-odds above which a page is not an article. It lives in {@code extraction/page-kinds.json} on
 * the class path, written by {@code newsflow train-page-kinds --write} ({@code
 * io.newsflow.enrich.eval.PageKindTraining}); nobody edits it by hand. Pure.
 *
 * @param weights feature name to weight, in the order of {@link PageKinds#FEATURES}; positive
 *     weights speak against an article
 * @param bias the intercept
 * @param threshold the log-odds above which a page is not an article
 * @param trained how the weights were made, for people reading the file
 */
public record PageKindModel(
    Map<String, Double> weights, double bias, double threshold, String trained) {
  /** Where the shipped model lives, on the class path and under {@code src/main/resources}. */
  public static final String RESOURCE = "extraction/page-kinds.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks that the weights name exactly the features the extractor computes, in their order. */
  public PageKindModel {
    if (!new ArrayList<>(weights.keySet()).equals(PageKinds.FEATURES)) {
      throw new IllegalArgumentException(
          "the page-kind model names features "
              + weights.keySet()
              + " but the extractor computes "
              + PageKinds.FEATURES
              + ": retrain it with `newsflow train-page-kinds --write`");
    }
    weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  /** The names of the features, in the order the weights and feature vectors use. */
  public static List<String> featureNames() {
    return PageKinds.FEATURES;
  }

  /** The side each feature may speak for: +1 against an article, -1 for one, 0 either way. */
  public static int[] featureSigns() {
    return PageKinds.SIGNS.clone();
  }

  /** Builds a model from weights in the order of {@link #featureNames}, rounded as stored. */
  public static PageKindModel of(double[] weights, double bias, double threshold, String trained) {
    Map<String, Double> w = new LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      w.put(PageKinds.FEATURES.get(i), round(weights[i]));
    }
    return new PageKindModel(w, round(bias), round(threshold), trained);
  }

  /** The shipped model, from the class path. */
  static PageKindModel shipped() {
    try (InputStream in = PageKindModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads a model written by {@link #toJson}. */
  public static PageKindModel read(InputStream in) throws IOException {
    JsonNode root = JSON.readTree(in);
    Map<String, Double> w = new LinkedHashMap<>();
    root.path("weights").properties().forEach(e -> w.put(e.getKey(), e.getValue().asDouble()));
    return new PageKindModel(
        w,
        root.path("bias").asDouble(),
        root.path("threshold").asDouble(),
        root.path("trained").asText(""));
  }

  /** The log-odds that a page with these features is not an article. */
  public double score(double[] x) {
    double z = bias;
    int i = 0;
    for (double w : weights.values()) {
      z += w * x[i++];
    }
    return z;
  }

  /** Whether a page with these features is not an article. */
  public boolean notArticle(double[] x) {
    return score(x) > threshold;
  }

  /** The model as stored: the same model always gives the same bytes. */
  public String toJson() {
    StringBuilder s = new StringBuilder("{\n");
    s.append("  \"trained\": ").append(quote(trained)).append(",\n");
    s.append("  \"weights\": {\n");
    int i = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      s.append("    ").append(quote(e.getKey())).append(": ").append(number(e.getValue()));
      s.append(++i < weights.size() ? ",\n" : "\n");
    }
    s.append("  },\n");
    s.append("  \"bias\": ").append(number(bias)).append(",\n");
    s.append("  \"threshold\": ").append(number(threshold)).append("\n}\n");
    return s.toString();
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double round(double v) {
    double r = Math.round(v * 1e6) / 1e6;
    return r == 0 ? 0.0 : r; // no negative zero
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}
