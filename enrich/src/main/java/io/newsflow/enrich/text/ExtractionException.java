package io.newsflow.enrich.text;

/**
 * Content the extractor refuses (empty, binary, over the size cap). The message is the reason a
 * user reads in the dead-letter record. This is a content decision, not a bug.
 */
public final class ExtractionException extends Exception {
  private static final long serialVersionUID = 1L;

  public ExtractionException(String reason) {
    super(reason);
  }
}
