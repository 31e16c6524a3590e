package io.newsflow.ingest.fetch;

import java.time.Duration;

/**
 * What one fetch returned: a body ({@link #ok()}), "not modified" (conditional GET), or a failure
 * with its {@link Fault}, reason, and the server's {@code Retry-After} when it sent one.
 *
 * @param status final HTTP status, or 0 when no response arrived
 * @param url the URL finally fetched (after redirects)
 * @param contentType media type without parameters, lower case; null when absent
 * @param declaredCharset the charset from the Content-Type header; null when absent
 * @param body the body, decompressed, never over the size cap; empty unless ok
 * @param etag the ETag validator, or null
 * @param lastModified the Last-Modified validator, or null
 * @param fault why it failed; null unless failed
 * @param reason human-readable reason; null unless failed
 * @param retryAfter the server's Retry-After; null when absent
 */
public record FetchResult(
    int status,
    String url,
    String contentType,
    String declaredCharset,
    byte[] body,
    String etag,
    String lastModified,
    Fault fault,
    String reason,
    Duration retryAfter) {

  static final byte[] EMPTY = new byte[0];

  public boolean ok() {
    return fault == null && status >= 200 && status < 300;
  }

  public boolean notModified() {
    return fault == null && status == 304;
  }

  public boolean failed() {
    return fault != null;
  }

  static FetchResult failure(
      String url, int status, Fault fault, String reason, Duration retryAfter) {
    return new FetchResult(status, url, null, null, EMPTY, null, null, fault, reason, retryAfter);
  }

  static FetchResult failure(String url, Fault fault, String reason) {
    return failure(url, 0, fault, reason, null);
  }
}
