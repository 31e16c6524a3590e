package io.newsflow.enrich.text;

/**
 * Typed settings of the extractor.
 *
 * @param maxBytes bodies larger than this are refused with a reason rather than parsed (bytes)
 */
public record ExtractorSettings(int maxBytes) {
  public static final int DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

  public ExtractorSettings {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
  }

  public static ExtractorSettings defaults() {
    return new ExtractorSettings(DEFAULT_MAX_BYTES);
  }
}
