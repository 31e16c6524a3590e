package io.newsflow.cli;

import io.newsflow.enrich.eval.PageKindTraining;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Refits the extractor's page-kind model from the pages in {@code ../shared/bench/extraction}
 * (docs/extraction.md). Deterministic: the same pages give the same file, byte for byte.
 */
@Command(
    name = "train-page-kinds",
    mixinStandardHelpOptions = true,
    description = {
      "Refit the page-kind model (logistic regression over language-free page features) that"
          + " decides which pages are articles, from the development split of"
          + " ../shared/bench/extraction/wcxb-dev and the scrapinghub news pages. Prints the"
          + " five-fold and validation figures and the weights; with --write, stores the model in"
          + " enrich/src/main/resources/extraction/page-kinds.json. Run it from the project root."
    })
public final class TrainPageKindsCommand implements Callable<Integer> {
  @Option(
      names = "--project",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The project root (default: the current folder).")
  java.nio.file.Path project;

  @Option(names = "--write", description = "Store the fitted model in the resource file.")
  boolean write;

  @Option(
      names = "--errors",
      paramLabel = "N",
      defaultValue = "0",
      description = "Also list the N development pages the five-fold scores get most wrong.")
  int errors;

  @Override
  public Integer call() throws IOException {
    return PageKindTraining.run(project, write, errors, System.out);
  }
}
