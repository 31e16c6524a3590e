package io.newsflow.ingest.fetch;

/** Why a fetch or the handling of what it returned failed; each has a counter and a log line. */
public enum Fault {
  BAD_URL(false),
  BLOCKED_ADDRESS(false),
  ROBOTS_DISALLOWED(false),
  /** robots.txt could not be read (5xx, timeout, network): nothing on the host is fetched yet. */
  ROBOTS_UNAVAILABLE(true),
  /** The host name does not resolve (it may again: DNS outages are retried, with a bound). */
  DNS(true),
  CONNECT(true),
  TIMEOUT(true),
  TLS(false),
  HTTP_RETRYABLE(true),
  HTTP_STATUS(false),
  GONE(false),
  REDIRECTS(false),
  TRUNCATED(true),
  TOO_LARGE(false),
  GZIP_BOMB(false),
  BAD_ENCODING(false),
  BINARY_CONTENT(false),
  MALFORMED_XML(false),
  IO(true);

  private final boolean retriable;

  Fault(boolean retriable) {
    this.retriable = retriable;
  }

  /** True when trying again later may succeed (timeouts, 429/5xx, dropped connections). */
  public boolean retriable() {
    return retriable;
  }

  /** Lower-case name used in counters and dead-letter reasons, e.g. {@code gzip_bomb}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
