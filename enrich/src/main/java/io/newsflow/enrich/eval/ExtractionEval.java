package io.newsflow.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.ExtractionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Runs the extractor over a folder of pages and scores it against a gold file in the benchmark's
 * format ({@code {id: {"articleBody": ..., "url": ...}}}). Page ids are file names without {@code
 * .html}, {@code .htm}, {@code .gz}. Pure apart from reading the given files.
 */
public final class ExtractionEval {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUFFIX =
      Pattern.compile("(\\.html?)?(\\.gz)?$", Pattern.CASE_INSENSITIVE);

  /** One scored page. */
  public record Page(String id, String predicted, ShingleScore.Counts counts) {}

  /** The whole run. */
  public record Result(List<Page> pages, ShingleScore.Summary summary, int missing) {}

  private ExtractionEval() {}

  public static String normId(String name) {
    return SUFFIX.matcher(name).replaceFirst("");
  }

  /** Reads {@code {id: {"articleBody": ...}}} (or {@code {id: text}}) into id -> body. */
  public static Map<String, String> readGold(Path gold) throws IOException {
    JsonNode root = JSON.readTree(gold.toFile());
    Map<String, String> out = new LinkedHashMap<>();
    root.properties()
        .forEach(
            e -> {
              JsonNode v = e.getValue();
              out.put(
                  normId(e.getKey()),
                  v.isTextual() ? v.asText() : v.path("articleBody").asText(""));
            });
    return out;
  }

  /** Lists the {@code .html}, {@code .htm} and {@code .html.gz} pages of a folder by id. */
  public static Map<String, Path> listPages(Path folder) throws IOException {
    Map<String, Path> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(folder)) {
      s.filter(
              p ->
                  p.getFileName()
                      .toString()
                      .toLowerCase(Locale.ROOT)
                      .matches(".*\\.html?(\\.gz)?$"))
          .forEach(p -> out.put(normId(p.getFileName().toString()), p));
    }
    return out;
  }

  public static byte[] readPage(Path p) throws IOException {
    if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return Files.readAllBytes(p);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return in.readAllBytes();
    }
  }

  /**
   * Extracts every gold page found in the folder; a page that is missing or refused predicts "".
   */
  public static Result run(ArticleExtractor extractor, Path folder, Map<String, String> gold)
      throws IOException {
    Map<String, Path> pages = listPages(folder);
    List<Page> out = new ArrayList<>();
    int missing = 0;
    for (Map.Entry<String, String> g : gold.entrySet()) {
      Path p = pages.get(g.getKey());
      String pred = "";
      if (p == null) {
        missing++;
      } else {
        try {
          pred = extractor.extract(readPage(p), null, "text/html", null).text();
        } catch (ExtractionException refused) {
          pred = "";
        }
      }
      out.add(new Page(g.getKey(), pred, ShingleScore.score(g.getValue(), pred)));
    }
    List<ShingleScore.Counts> counts = out.stream().map(Page::counts).toList();
    return new Result(out, ShingleScore.summarize(counts), missing);
  }

  /** Writes {@code {id: {"articleBody": text}}}, the format score.py reads. */
  public static void writePredictions(Result r, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    for (Page p : r.pages()) {
      root.putObject(p.id()).put("articleBody", p.predicted());
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  /** Writes the per-page TSV in score.py's {@code --per-doc} layout. */
  public static void writePerDoc(Result r, Path file) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      w.print("id\ttp\tfp\tfn\tprecision\trecall\tf1\texact\tpred_tokens\n");
      for (Page p : r.pages()) {
        ShingleScore.Counts c = p.counts();
        w.printf(
            Locale.ROOT,
            "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d%n",
            p.id(),
            c.tp(),
            c.fp(),
            c.fn(),
            c.precision(),
            c.recall(),
            c.f1(),
            c.exact() ? 1 : 0,
            c.predTokens());
      }
    }
  }

  /** The one-line summary: the same figures as score.py, to 3 decimals. */
  public static String format(ShingleScore.Summary s) {
    return String.format(
        Locale.ROOT,
        "F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f  empty %d  docs %d",
        s.f1(),
        s.precision(),
        s.recall(),
        s.accuracy(),
        s.empty(),
        s.docs());
  }

  /**
   * Development entry point: {@code ExtractionEval PAGES_DIR GOLD.json [PREDICTIONS.json
   * [PER_DOC.tsv]]}.
   */
  public static void main(String[] args) throws IOException {
    Result r =
        run(
            new ArticleExtractor(io.newsflow.enrich.text.ExtractorSettings.defaults()),
            Path.of(args[0]),
            readGold(Path.of(args[1])));
    if (args.length > 2) {
      writePredictions(r, Path.of(args[2]));
    }
    if (args.length > 3) {
      writePerDoc(r, Path.of(args[3]));
    }
    System.out.println(format(r.summary()));
  }
}
