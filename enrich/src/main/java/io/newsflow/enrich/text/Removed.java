package io.newsflow.enrich.text;

import java.util.Objects;

/**
 * A line or block the extractor dropped.
 *
 * @param text the dropped text, whitespace-normalised
 * @param reason {@code rule:<name>}, {@code density:<name>} or {@code learned:outlet}
 */
public record Removed(String text, String reason) {
  public Removed {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
  }
}
