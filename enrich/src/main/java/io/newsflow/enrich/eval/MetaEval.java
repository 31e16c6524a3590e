package io.newsflow.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.ExtractionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Scores metadata (title, published, authors) and page kinds, and the body of the article pages,
 * against a gold file in the WCXB format ({@code {id: {"articleBody", "title", "author",
 * "published", "page_type", "url"}}}), with the metric of {@code score_meta.py} ({@link
 * MetaScore}). Pages are split for ever into a development part and a validation part by a hash of
 * their id, so rules are tuned on one and checked on the other. Pure apart from reading the files.
 */
public final class MetaEval {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Which pages of a gold file to score. */
  public enum Split {
    /** Every page. */
    ALL,
    /** The pages to tune on: about 70 %. */
    DEV,
    /** The pages never tuned on: about 30 %. */
    VALIDATION;

    /** Whether a page id falls in this split. */
    public boolean contains(String id) {
      return this == ALL || (this == VALIDATION) == isValidation(id);
    }
  }

  /** One gold page: its body (empty when not an article) and its metadata. */
  public record GoldPage(String body, MetaScore.Gold meta, String url) {}

  /** One extracted page; {@code extraction} is null when the page was missing or refused. */
  public record Page(String id, Extraction extraction, MetaScore.Gold gold) {}

  /**
   * The run: metadata and kind figures, body figures on the article pages, and the time spent in
   * the extractor.
   */
  public record Result(
      List<Page> pages,
      MetaScore meta,
      ShingleScore.Summary articleBodies,
      int articles,
      int missing,
      double pagesPerSecond,
      Map<String, ShingleScore.Counts> bodyCounts) {}

  private MetaEval() {}

  /**
   * The fixed split: a page is in validation when the CRC-32 of its id, modulo 10, is below 3. Ids
   * alone decide it, so it never changes with the extractor.
   */
  public static boolean isValidation(String id) {
    CRC32 crc = new CRC32();
    crc.update(id.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 10 < 3;
  }

  /** Reads a gold file; a plain {@code {id: text}} entry has a body and no metadata. */
  public static Map<String, GoldPage> readGold(Path gold) throws IOException {
    JsonNode root = JSON.readTree(gold.toFile());
    Map<String, GoldPage> out = new LinkedHashMap<>();
    root.properties()
        .forEach(
            e -> {
              JsonNode v = e.getValue();
              out.put(
                  ExtractionEval.normId(e.getKey()),
                  new GoldPage(
                      v.isTextual() ? v.asText() : v.path("articleBody").asText(""),
                      new MetaScore.Gold(
                          text(v, "title"),
                          text(v, "author"),
                          text(v, "published"),
                          text(v, "page_type")),
                      v.isTextual() ? null : text(v, "url")));
            });
    return out;
  }

  /**
   * Extracts every gold page of the split found in the folder. Body scores cover the pages whose
   * gold {@code page_type} is {@code article} (all pages when the gold has no page types).
   */
  public static Result run(
      ArticleExtractor extractor, Path folder, Map<String, GoldPage> gold, Split split)
      throws IOException {
    Map<String, Path> files = ExtractionEval.listPages(folder);
    List<Page> pages = new ArrayList<>();
    MetaScore meta = new MetaScore();
    List<ShingleScore.Counts> bodies = new ArrayList<>();
    Map<String, ShingleScore.Counts> bodyCounts = new LinkedHashMap<>();
    int missing = 0;
    long nanos = 0;
    for (Map.Entry<String, GoldPage> g : gold.entrySet()) {
      if (!split.contains(g.getKey())) {
        continue;
      }
      Path file = files.get(g.getKey());
      Extraction x = null;
      if (file == null) {
        missing++;
      } else {
        byte[] bytes = ExtractionEval.readPage(file);
        long t0 = System.nanoTime();
        try {
          // the page's address, as ingest passes it (RawArticle.source)
          x = extractor.extract(bytes, null, "text/html", g.getValue().url());
        } catch (ExtractionException refused) {
          x = null;
        }
        nanos += System.nanoTime() - t0;
      }
      MetaScore.Gold gm = g.getValue().meta();
      pages.add(new Page(g.getKey(), x, gm));
      meta.add(g.getKey(), gm, predicted(x));
      if (gm.pageType() == null || gm.pageType().equals("article")) {
        ShingleScore.Counts c = ShingleScore.score(g.getValue().body(), x == null ? "" : x.text());
        bodies.add(c);
        bodyCounts.put(g.getKey(), c);
      }
    }
    double rate = nanos == 0 ? 0.0 : (pages.size() - missing) / (nanos / 1e9);
    return new Result(
        pages, meta, ShingleScore.summarize(bodies), bodies.size(), missing, rate, bodyCounts);
  }

  /** What an extraction predicts, in the metric's terms; null for no extraction. */
  public static MetaScore.Predicted predicted(Extraction x) {
    return x == null
        ? null
        : new MetaScore.Predicted(x.title(), x.authors(), x.published(), x.pageKind().label());
  }

  /**
   * Writes {@code {id: {"articleBody", "title", "authors", "published", "pageKind"}}}: what both
   * {@code score.py} and {@code score_meta.py} read.
   */
  public static void writePredictions(Result r, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    for (Page p : r.pages()) {
      ObjectNode o = root.putObject(p.id());
      Extraction x = p.extraction();
      o.put("articleBody", x == null ? "" : x.text());
      if (x != null) {
        o.put("title", x.title());
        x.authors().forEach(o.putArray("authors")::add);
        o.put("published", x.published());
        o.put("pageKind", x.pageKind().label());
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  /**
   * Writes each article page's body scores (id, precision, recall, F1, the language the extractor
   * found, predicted tokens), worst F1 first: the pages to read.
   */
  public static void writeBodyPerDoc(Result r, Path file) throws IOException {
    Map<String, Extraction> byId = new LinkedHashMap<>();
    r.pages().forEach(p -> byId.put(p.id(), p.extraction()));
    List<Map.Entry<String, ShingleScore.Counts>> rows = new ArrayList<>(r.bodyCounts().entrySet());
    rows.sort(
        Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(ShingleScore.Counts::f1)));
    try (java.io.PrintWriter w =
        new java.io.PrintWriter(
            java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      w.print("id\tprecision\trecall\tf1\tlanguage\tpred_tokens\n");
      for (Map.Entry<String, ShingleScore.Counts> e : rows) {
        ShingleScore.Counts c = e.getValue();
        Extraction x = byId.get(e.getKey());
        w.printf(
            Locale.ROOT,
            "%s\t%.4f\t%.4f\t%.4f\t%s\t%d%n",
            e.getKey(),
            c.precision(),
            c.recall(),
            c.f1(),
            x == null ? "-" : x.language(),
            c.predTokens());
      }
    }
  }

  /** The report: metadata, page kinds, article bodies and speed. */
  public static String format(Result r, Split split) {
    return String.format(
        Locale.ROOT,
        "split %s: %d pages (%d articles)%n%sarticle bodies: %s%nspeed %.1f pages/s (one thread,"
            + " parse and extraction only)%n",
        split.name().toLowerCase(Locale.ROOT),
        r.pages().size(),
        r.articles(),
        r.meta().format(),
        ExtractionEval.format(r.articleBodies()),
        r.pagesPerSecond());
  }

  private static String text(JsonNode v, String field) {
    JsonNode f = v.get(field);
    return f == null || !f.isValueNode() || f.asText().isBlank() ? null : f.asText();
  }

  /**
   * Development entry point: {@code MetaEval PAGES GOLD [all|dev|validation] [PREDS] [ERRORS]
   * [BODY_PER_DOC.tsv]} ({@code -} for no predictions file).
   */
  public static void main(String[] args) throws IOException {
    Split split = args.length > 2 ? Split.valueOf(args[2].toUpperCase(Locale.ROOT)) : Split.ALL;
    Result r =
        run(
            new ArticleExtractor(io.newsflow.enrich.text.ExtractorSettings.defaults()),
            Path.of(args[0]),
            readGold(Path.of(args[1])),
            split);
    if (args.length > 5) {
      writeBodyPerDoc(r, Path.of(args[5]));
    }
    if (args.length > 3 && !args[3].equals("-")) {
      writePredictions(r, Path.of(args[3]));
    }
    System.out.print(format(r, split));
    int errors = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    Map<String, Integer> shown = new LinkedHashMap<>();
    for (MetaScore.Miss m : r.meta().misses()) {
      if (shown.merge(m.field(), 1, Integer::sum) <= errors) {
        System.out.printf(
            "  %-10s %s: gold %s predicted %s%n", m.field(), m.id(), m.gold(), m.predicted());
      }
    }
  }
}
