package io.newsflow.cli;

import io.newsflow.enrich.tag.JsonlTagging;
import io.newsflow.enrich.tag.Tagger;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Tags JSON Lines articles offline: one {@code {id, title, text}} object per input line, one {@code
 * {id, labels, topics, taxonomyVersion}} object per output line. The output is what {@code
 * bench/tagging/score.py --pred} reads, so users can measure their own taxonomy on their own data.
 */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Tag JSON Lines articles {id, title, text[, language]} with the taxonomy's topics.",
      "Writes {id, labels, topics:[{name, score, evidence:[{phrase, field, start, end, rule}]}], taxonomyVersion} per line.",
      "Text is tagged as given (run extraction first for raw pages); trailing link lines such as 'ALSO READ:' are ignored."
    })
public final class TagCommand implements Callable<Integer> {
  @Mixin JsonLinesIo files;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description = "A taxonomy JSON file to use instead of the shipped one.")
  Path taxonomy;

  @Override
  public Integer call() throws IOException {
    Tagger tagger;
    try {
      tagger = taxonomy == null ? Tagger.loadDefault() : Tagger.load(taxonomy);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      System.err.println("newsflow tag: bad taxonomy: " + e.getMessage());
      return 2;
    }
    JsonlTagging.Summary summary;
    try (Reader in = files.open();
        Writer out = files.create()) {
      summary = JsonlTagging.run(in, out, tagger);
    }
    PrintStream err = System.err;
    err.printf(
        "newsflow tag: %d items tagged with taxonomy %s%s%n",
        summary.items() - summary.bad(),
        tagger.version(),
        summary.bad() > 0
            ? ", " + summary.bad() + " unreadable lines (reported in the output)"
            : "");
    return summary.bad() > 0 ? 1 : 0;
  }
}
