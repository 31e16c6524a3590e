package io.newsflow.enrich.tag;

/**
 * Matching one article took longer than the tagger's time limit ({@link Tagger#withTimeout}),
 * usually a taxonomy pattern that backtracks badly on a giant body. The article is not tagged; the
 * pipeline dead-letters it with this message.
 */
public final class TaggingTimeoutException extends RuntimeException {
  public TaggingTimeoutException(String message) {
    super(message);
  }
}
