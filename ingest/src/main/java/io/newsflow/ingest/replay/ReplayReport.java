package io.newsflow.ingest.replay;

import java.util.List;

/**
 * What a replay did.
 *
 * @param produced ids of the raw articles produced, in order
 * @param deadLettered ids of the files that became dead letters (unreadable, too large)
 * @param skipped paths of files that are not articles (unsupported extension), relative to the
 *     folder
 */
public record ReplayReport(List<String> produced, List<String> deadLettered, List<String> skipped) {
  public ReplayReport {
    produced = List.copyOf(produced);
    deadLettered = List.copyOf(deadLettered);
    skipped = List.copyOf(skipped);
  }

  public int total() {
    return produced.size() + deadLettered.size();
  }
}
