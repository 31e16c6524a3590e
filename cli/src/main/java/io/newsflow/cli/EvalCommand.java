package io.newsflow.cli;

import io.newsflow.enrich.eval.ExtractionEval;
import io.newsflow.enrich.eval.MetaEval;
import io.newsflow.enrich.eval.MetaScore;
import io.newsflow.enrich.eval.ShingleScore;
import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.ExtractorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Evaluates article extraction on the user's own gold data: runs the extractor over a folder of
 * pages and prints the article-extraction benchmark's metric (the figures of {@code
 * bench/extraction/score.py}, to 3 decimals).
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Extract the article from every page in PAGES (.html, .htm, .html.gz; the id is the file name without them)",
      "and score it against GOLD ({id: {\"articleBody\": ..., \"url\": ...}}) with the benchmark's metric:",
      "4-token shingles of \\w+ tokens; precision averaged over non-empty predictions, recall over all pages.",
      "Prints F1, precision, recall, exact-match accuracy and how many predictions were empty.",
      "With --meta, GOLD is in the WCXB format (title, author, published, page_type per page) and eval also",
      "scores title, published date, authors and page kind with score_meta.py's metric; bodies are then scored",
      "on the pages whose page_type is article. --split picks the fixed dev or validation part of the pages."
    })
public final class EvalCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PAGES", description = "Folder of pages.")
  Path pages;

  @Parameters(
      index = "1",
      paramLabel = "GOLD",
      description = "Gold file in the benchmark's ground-truth.json format.")
  Path gold;

  @Option(
      names = "--predictions",
      paramLabel = "FILE",
      description =
          "Write the predictions here ({id: {\"articleBody\": text}}, what score.py reads).")
  Path predictions;

  @Option(
      names = "--per-doc",
      paramLabel = "FILE",
      description = "Write each page's tp/fp/fn, P, R, F1 as TSV (score.py's --per-doc layout).")
  Path perDoc;

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      description = "Refuse pages larger than this (default: ${DEFAULT-VALUE}).")
  int maxBytes = ExtractorSettings.DEFAULT_MAX_BYTES;

  @Option(
      names = "--meta",
      description =
          "Also score title, published, authors and page kind (gold fields title, author,"
              + " published, page_type), with the metric of score_meta.py.")
  boolean meta;

  @Option(
      names = "--split",
      paramLabel = "all|dev|validation",
      description =
          "With --meta: score every page (default), or only the fixed development part (about 70 %%"
              + " of ids) or validation part (the rest; never tune on it). The split is a hash of"
              + " the page id.")
  String split = "all";

  @Option(
      names = "--errors",
      paramLabel = "N",
      description = "With --meta: print up to N wrong answers of each field (default: 0).")
  int errors;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(pages)) {
      System.err.println("newsflow eval: not a folder: " + pages);
      return 2;
    }
    if (!Files.isRegularFile(gold)) {
      System.err.println("newsflow eval: no gold file: " + gold);
      return 2;
    }
    if (meta) {
      return callMeta();
    }
    Map<String, String> goldBodies;
    try {
      goldBodies = ExtractionEval.readGold(gold);
    } catch (IOException e) {
      System.err.println("newsflow eval: unreadable gold file " + gold + ": " + e.getMessage());
      return 2;
    }
    ArticleExtractor extractor = new ArticleExtractor(new ExtractorSettings(maxBytes));
    ExtractionEval.Result result = ExtractionEval.run(extractor, pages, goldBodies);
    if (result.missing() > 0) {
      System.err.printf(
          "newsflow eval: %d of %d gold ids have no page in %s (scored as empty)%n",
          result.missing(), goldBodies.size(), pages);
    }
    if (predictions != null) {
      ExtractionEval.writePredictions(result, predictions);
    }
    if (perDoc != null) {
      ExtractionEval.writePerDoc(result, perDoc);
    }
    ShingleScore.Summary s = result.summary();
    System.out.println("extractor newsflow " + ArticleExtractor.VERSION);
    System.out.println(ExtractionEval.format(s));
    return 0;
  }

  private Integer callMeta() throws IOException {
    MetaEval.Split which;
    try {
      which = MetaEval.Split.valueOf(split.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      System.err.println(
          "newsflow eval: --split must be all, dev or validation, not '" + split + "'");
      return 2;
    }
    Map<String, MetaEval.GoldPage> goldPages;
    try {
      goldPages = MetaEval.readGold(gold);
    } catch (IOException e) {
      System.err.println("newsflow eval: unreadable gold file " + gold + ": " + e.getMessage());
      return 2;
    }
    ArticleExtractor extractor = new ArticleExtractor(new ExtractorSettings(maxBytes));
    MetaEval.Result result = MetaEval.run(extractor, pages, goldPages, which);
    if (result.missing() > 0) {
      System.err.printf(
          "newsflow eval: %d of %d gold ids have no page in %s (scored as empty)%n",
          result.missing(), result.pages().size(), pages);
    }
    if (predictions != null) {
      MetaEval.writePredictions(result, predictions);
    }
    System.out.println("extractor newsflow " + ArticleExtractor.VERSION);
    System.out.print(MetaEval.format(result, which));
    Map<String, Integer> shown = new java.util.HashMap<>();
    for (MetaScore.Miss m : result.meta().misses()) {
      if (shown.merge(m.field(), 1, Integer::sum) <= errors) {
        System.out.printf(
            "  %-10s %s: gold %s predicted %s%n", m.field(), m.id(), m.gold(), m.predicted());
      }
    }
    return 0;
  }
}
