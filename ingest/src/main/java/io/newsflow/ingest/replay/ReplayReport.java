package io.newsflow.ingest.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * What a replay did, in counts: a replay of millions of records keeps no list that grows with them
 * (a crawl's WARC skips more records, its images and scripts, than it produces articles).
 *
 * @param produced raw articles produced
 * @param deadLettered records or files that became dead letters (unreadable, too large)
 * @param skipped records or files that are not articles (another media type, an unsupported
 *     extension, an HTTP error)
 * @param skippedExamples the first {@link #EXAMPLES} of the skipped, each with why (a file's path
 *     relative to the folder, a record's target URL)
 */
public record ReplayReport(
    long produced, long deadLettered, long skipped, List<String> skippedExamples) {
  /** How many skipped records a report names. */
  public static final int EXAMPLES = 20;

  public ReplayReport {
    skippedExamples = List.copyOf(skippedExamples);
  }

  /** Articles and dead letters: every record the replay sent somewhere. */
  public long total() {
    return produced + deadLettered;
  }

  /** Counts a replay as it goes; not thread-safe (a replay runs on one thread). */
  static final class Tally {
    private long produced;
    private long deadLettered;
    private long skipped;
    private final List<String> examples = new ArrayList<>();

    void produced() {
      produced++;
    }

    void deadLettered() {
      deadLettered++;
    }

    void skipped(String what) {
      skipped++;
      if (examples.size() < EXAMPLES) {
        examples.add(what);
      }
    }

    ReplayReport report() {
      return new ReplayReport(produced, deadLettered, skipped, examples);
    }
  }
}
