package io.newsflow.ingest.feed;

/** A feed or sitemap that cannot be read: malformed XML, a DOCTYPE, an unknown format. */
public final class FeedParseException extends Exception {
  private static final long serialVersionUID = 1L;

  public FeedParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
