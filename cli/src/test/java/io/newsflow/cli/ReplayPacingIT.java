package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large archive replayed through a real broker forms the stories it forms in file order. Outlets
 * hash onto partitions of unequal size, and enrich works through its partitions at one pace: with a
 * backlog, the small partitions' outlets run far ahead in the archive of the large ones', so an
 * event's later reports reach the story step after its story has been pushed out of a bounded
 * window and open stories of their own. {@code replay --max-ahead} bounds that drift. Here the
 * window is made small (40 open stories, fewer than the generator's 48 events reported at a time,
 * so file order splits some events too: what counts is that a paced replay matches it; measured 554
 * stories in file order and paced, 582 and 820 for another corpus unpaced) so that a corpus of a
 * test's size shows the drift; in the launcher's heap the window holds about 8,000 stories and the
 * same happens past ~50,000 articles (docs/performance.md).
 */
class ReplayPacingIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int ARTICLES = 1_200;
  static final int MAX_OPEN = 40;
  static final Pattern STORIES = Pattern.compile("(?m)^\\s*stories\\s+(\\d+)");

  @Test
  void shouldFormTheStoriesOfFileOrderWhenTheReplayIsPaced(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("newsflow.properties");
    Files.writeString(config, "stories.max.open=" + MAX_OPEN + "\n");
    // two corpora of other events, since the runs share a broker and so enrich's story window
    Path first = GeneratedCorpus.write(dir.resolve("events-a.jsonl"), ARTICLES, 0, 23);
    Path second = GeneratedCorpus.write(dir.resolve("events-b.jsonl"), ARTICLES, 0, 29);
    int firstInFileOrder = storiesInFileOrder(first, dir.resolve("a"));
    int secondInFileOrder = storiesInFileOrder(second, dir.resolve("b"));

    int paced = replayedStories(first, config, dir.resolve("paced"), "20");
    int unpaced = replayedStories(second, config, dir.resolve("unpaced"), "0");

    // in file order: at least one story an event (~0.3 an article), more with this small window
    assertThat(firstInFileOrder).isBetween(ARTICLES / 5, ARTICLES * 2 / 3);
    assertThat(secondInFileOrder).isBetween(ARTICLES / 5, ARTICLES * 2 / 3);
    // paced, the order within 20 articles may differ from the file's: a few decisions may too
    assertThat(paced)
        .as("stories, paced")
        .isBetween(firstInFileOrder * 95 / 100, firstInFileOrder * 105 / 100);
    // the drift the pacing prevents: the reports of one event split over several stories
    assertThat(unpaced).as("stories, unpaced").isGreaterThan(secondInFileOrder * 120 / 100);
  }

  /** The same articles through {@code newsflow stories}, in file order, with the same bound. */
  private static int storiesInFileOrder(Path corpus, Path dir) throws Exception {
    Files.createDirectories(dir);
    Path input = GeneratedCorpusTest.storiesInput(corpus, dir.resolve("in.jsonl"));
    Path out = dir.resolve("file-order.jsonl");
    CliRun run =
        CliRun.of("stories", "--max-open", "" + MAX_OPEN, input.toString(), "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Set<String> stories = new HashSet<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      stories.add(JSON.readTree(line).get("story").asText());
    }
    return stories.size();
  }

  /** Replays the corpus into its own data folder and output; returns the summary's story count. */
  private static int replayedStories(Path corpus, Path config, Path dir, String maxAhead) {
    CliRun run = CliRun.replay(corpus, dir, "--config", config.toString(), "--max-ahead", maxAhead);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("enriched         " + ARTICLES);
    Matcher m = STORIES.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
