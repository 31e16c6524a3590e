package io.newsflow.cli;

import io.newsflow.enrich.tag.ModelTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Retrains the shipped taxonomy's article-level models from the labeled data in the repository and
 * in {@code ../shared/bench} beside it (docs/tagging.md). Deterministic: the same data gives the
 * same weights.
 */
@Command(
    name = "train-tagger",
    mixinStandardHelpOptions = true,
    description = {
      "Retrain the taxonomy's article-level models (logistic regression over cue features) from the",
      "labeled training data: dev.jsonl's training split and real-dev.jsonl in ../shared/bench/tagging,",
      "the WCXB pages of ../shared/bench/extraction/wcxb-dev with enrich/src/test/resources/tag/wcxb-labels.jsonl,",
      "and the repository's own sets. Reports the weights, thresholds and cross-validated counts;",
      "with --write, stores the models in the taxonomy file. Run it from the project root."
    })
public final class TrainTaggerCommand implements Callable<Integer> {
  @Option(
      names = "--project",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The project root (default: the current folder).")
  Path project;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description =
          "The taxonomy file to train (default: enrich/src/main/resources/taxonomy/topics.json).")
  Path taxonomy;

  @Option(names = "--write", description = "Store the trained models in the taxonomy file.")
  boolean write;

  @Override
  public Integer call() throws IOException {
    Path file =
        taxonomy != null
            ? taxonomy
            : project.resolve("enrich/src/main/resources/taxonomy/topics.json");
    Path shared = project.resolve("../shared/bench/tagging/dev.jsonl");
    if (!Files.exists(file) || !Files.exists(shared)) {
      System.err.println(
          "newsflow train-tagger: run it from the project root with ../shared beside it (looked for "
              + file
              + " and "
              + shared.normalize()
              + ")");
      return 2;
    }
    ModelTraining.train(project, file, write, System.out);
    if (!write) {
      System.out.println("(nothing written: add --write to store the models in " + file + ")");
    }
    return 0;
  }
}
