package io.newsflow.ingest.replay;

/**
 * Typed settings of a folder replay.
 *
 * @param maxBytes files larger than this become dead letters instead of raw articles (bytes)
 * @param outlet outlet name to stamp on every article, or null when unknown
 */
public record ReplaySettings(long maxBytes, String outlet) {
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  public ReplaySettings {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
  }

  public static ReplaySettings defaults() {
    return new ReplaySettings(DEFAULT_MAX_BYTES, null);
  }
}
