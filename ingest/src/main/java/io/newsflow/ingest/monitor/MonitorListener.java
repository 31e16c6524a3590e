package io.newsflow.ingest.monitor;

import java.time.Instant;

/** Hooks into what the monitor does; every method has a no-op default. Called on worker threads. */
public interface MonitorListener {
  /**
   * A known article (one produced before) answered 404 or 410 when re-fetched: the outlet took it
   * down. A dead letter saying so has already been produced; this hook is where a tombstone goes.
   */
  default void takenDown(Takedown takedown) {}

  /** A page was fetched and produced (for archiving it, e.g. to WARC). */
  default void fetched(String url, Instant at, int status, String contentType, byte[] body) {}

  /**
   * @param articleId the id the article was produced under
   * @param url its canonical URL
   * @param outlet the outlet's name
   * @param status the HTTP status (404 or 410)
   * @param lastVersion the last version produced
   * @param at when the take-down was seen
   */
  record Takedown(
      String articleId, String url, String outlet, int status, int lastVersion, Instant at) {}
}
