package io.newsflow.cli;

import io.newsflow.enrich.story.JsonlStories;
import io.newsflow.enrich.story.StorySettings;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Groups JSON Lines articles into stories offline, in file order, with the pure story clustering
 * core ({@code io.newsflow.enrich.story}): one {@code {id, title, text, outlet?, published?,
 * lang?}} object per input line, one {@code {id, story[, duplicateOf]}} object per output line,
 * which {@code bench/stories/score.py --pred} reads.
 */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = {
      "Group JSON Lines articles {id, title, text, outlet?, published?, lang?, tags?} into stories.",
      "",
      "Articles are read in file order as a stream and each is assigned when it arrives, by the"
          + " story clustering core (io.newsflow.enrich.story). Writes {\"id\", \"story\"} per"
          + " line, plus \"duplicateOf\" for a near-copy of an earlier article; a story merged"
          + " into another later on is written under the id that stands at the end. The output"
          + " is what bench/stories/score.py --pred reads.",
      "",
      "'published' is ISO-8601 (2026-03-03, 2026-03-03T10:00:00Z, or a local"
          + " 2026-03-03T10:00:00, read as UTC, as the pipeline reads it). An article without it"
          + " is compared with every open story; with it, only with stories within --window of"
          + " it."
    })
public final class StoriesCommand implements Callable<Integer> {
  @Mixin JsonLinesIo files;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      description =
          "How far back in publication time an article is compared: 3d, 36h, 90m or ISO-8601 (P3D). Default: ${DEFAULT-VALUE}.",
      defaultValue = "3d")
  String window;

  @Option(
      names = "--lateness",
      paramLabel = "DURATION|none",
      description =
          "How long past the window a story stays open for articles that arrive late (published"
              + " well before the newest article seen). 'none', the default here, closes stories"
              + " only when --max-open pushes them out, so a file in any order is read right; for"
              + " a live stream, 1d.",
      defaultValue = "none")
  String lateness;

  @Option(
      names = "--max-open",
      paramLabel = "N",
      description =
          "The most stories kept open at once (memory bound). Default 0: sized to the heap, about"
              + " 8,000 with the launcher's 640 MB (NEWSFLOW_HEAP_OPTS raises it), at most"
              + " 200,000.",
      defaultValue = "0")
  int maxOpen;

  @Option(
      names = "--max-terms",
      paramLabel = "N",
      description =
          "The most terms whose document frequency is counted (memory bound; past it every count"
              + " is halved and the rarest terms dropped). Default 0: sized to the heap, 10%% of it.",
      defaultValue = "0")
  int maxTerms;

  @Option(
      names = "--join",
      paramLabel = "SCORE",
      description =
          "The similarity (0..1) an article needs to join a story rather than open one: lower"
              + " joins more, higher keeps more apart. Default: "
              + StorySettings.DEFAULT_JOIN_THRESHOLD
              + " (docs/stories.md).")
  Double join;

  @Override
  public Integer call() throws IOException {
    StorySettings settings;
    try {
      settings =
          StorySettings.defaults()
              .withWindow(parseDuration("--window", window))
              .withLateness(
                  lateness.equalsIgnoreCase("none") ? null : parseDuration("--lateness", lateness))
              .withMaxOpenStories(NewsflowConfig.maxOpenStories(maxOpen))
              .withMaxVocabulary(NewsflowConfig.maxVocabulary(maxTerms));
      if (join != null) {
        if (!(join >= 0 && join <= 1)) {
          throw new IllegalArgumentException("--join must be between 0 and 1: " + join);
        }
        settings = settings.withJoinThreshold(join);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("newsflow stories: " + e.getMessage());
      return 2;
    }
    JsonlStories.Summary s;
    try (Reader in = files.open();
        Writer out = files.create()) {
      s =
          JsonlStories.run(
              in,
              out,
              JsonlStories.standard(settings),
              p -> System.err.println("newsflow stories: " + p));
    }
    System.err.printf(
        Locale.ROOT,
        "newsflow stories: %d articles in %d stories (%d near-copies, %d merges)%s%n",
        s.articles(),
        s.stories(),
        s.duplicates(),
        s.merges(),
        s.bad() > 0 ? ", " + s.bad() + " unreadable lines skipped (listed above)" : "");
    return s.bad() > 0 ? 1 : 0;
  }

  /** "3d", "36h", "90m", "45s" or an ISO-8601 duration. */
  static Duration parseDuration(String option, String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 'd' -> Duration.ofDays(n);
        case 'h' -> Duration.ofHours(n);
        case 'm' -> Duration.ofMinutes(n);
        case 's' -> Duration.ofSeconds(n);
        default -> throw new NumberFormatException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          option + ": not a duration: '" + s + "' (try 3d, 36h, 90m or P3D)");
    }
  }
}
