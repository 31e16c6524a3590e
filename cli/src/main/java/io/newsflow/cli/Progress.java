package io.newsflow.cli;

import java.io.PrintStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a long command tells its user while it works: status lines on stderr, and a single rewritten
 * progress line when stderr is a terminal (one line per update otherwise, throttled).
 */
final class Progress {
  // status lines also go to the log file, with their time: the file then shows where a command's
  // start-up went (docs/performance.md reads it so)
  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
  private final PrintStream err;
  private final boolean terminal;
  private final boolean quiet;
  private long lastLine;

  Progress(PrintStream err, boolean quiet) {
    this.err = err;
    this.terminal = System.console() != null;
    this.quiet = quiet;
  }

  /** A status line; null is ignored. */
  void info(String message) {
    if (message != null) {
      LOG.info(message);
    }
    if (!quiet && message != null) {
      endBar();
      err.println("newsflow: " + message);
    }
  }

  /**
   * A progress bar with rate and ETA; a negative {@code total} (unknown) shows count and rate only.
   */
  void bar(String label, long done, long total, long startNanos) {
    if (quiet) {
      return;
    }
    long now = System.nanoTime();
    boolean last = total >= 0 && done >= total;
    if (!last && now - lastLine < (terminal ? 100_000_000L : 2_000_000_000L)) {
      return;
    }
    lastLine = now;
    double secs = Math.max(1e-3, (now - startNanos) / 1e9);
    double rate = done / secs;
    if (total < 0) {
      printLine(String.format("%-9s %d so far, %.1f/s", label, done, rate), false);
      return;
    }
    int width = 30;
    int filled = total == 0 ? width : (int) (width * done / total);
    String eta =
        rate > 0 && !last
            ? " eta " + format(Duration.ofMillis((long) ((total - done) / rate * 1000)))
            : "";
    printLine(
        String.format(
            "%-9s [%s%s] %d/%d %.1f/s%s",
            label, "#".repeat(filled), ".".repeat(width - filled), done, total, rate, eta),
        last);
  }

  private void printLine(String line, boolean last) {
    if (terminal) {
      err.print("\r" + line + (last ? "\n" : ""));
    } else {
      err.println(line);
    }
    err.flush();
  }

  private void endBar() {
    if (terminal && lastLine != 0) {
      err.print("\r");
    }
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60
            ? String.format("%dm%02ds", s / 60, s % 60)
            : String.format("%.1fs", d.toMillis() / 1000.0);
  }
}
