package io.newsflow.sink.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the file sink writes.
 *
 * @param dir the output folder: {@code articles.jsonl} (latest version per id) and {@code
 *     segments/}
 * @param format encoding of the rolled segments
 * @param rollBytes a segment is committed once it holds at least this many bytes
 * @param rollInterval a segment is committed at the latest this long after its first record
 * @param latestView whether to keep {@code articles.jsonl}, one line per article id (newest wins)
 */
public record FileSinkSettings(
    Path dir, FileFormat format, long rollBytes, Duration rollInterval, boolean latestView) {
  public static final long DEFAULT_ROLL_BYTES = 64L * 1024 * 1024;
  public static final Duration DEFAULT_ROLL_INTERVAL = Duration.ofSeconds(60);

  public FileSinkSettings {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(rollInterval, "rollInterval");
    if (rollBytes < 1) {
      throw new IllegalArgumentException("rollBytes must be positive: " + rollBytes);
    }
    if (rollInterval.isNegative()) {
      throw new IllegalArgumentException("rollInterval must not be negative: " + rollInterval);
    }
  }

  /** JSON Lines segments with the latest-per-id view, rolled at 64 MiB or 60 s. */
  public static FileSinkSettings defaults(Path dir) {
    return new FileSinkSettings(
        dir, FileFormat.JSONL, DEFAULT_ROLL_BYTES, DEFAULT_ROLL_INTERVAL, true);
  }
}
