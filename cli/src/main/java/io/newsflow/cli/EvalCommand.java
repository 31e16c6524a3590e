package io.newsflow.cli;

import io.newsflow.enrich.eval.ExtractionEval;
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
      "Prints F1, precision, recall, exact-match accuracy and how many predictions were empty."
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
}
