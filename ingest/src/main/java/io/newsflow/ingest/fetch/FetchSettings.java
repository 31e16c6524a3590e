package io.newsflow.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the fetcher.
 *
 * @param userAgent the full User-Agent header, product token first (e.g. {@code newsflow/0.1
 *     (+https://example.org/bot)}); its product token is the name matched in robots.txt
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout longest wait for the next bytes of a response
 * @param totalTimeout longest time one response may take to arrive in full (slow-drip servers)
 * @param maxBytes largest body accepted, after decompression (bytes)
 * @param maxRedirects redirects followed before giving up
 * @param robotsTtl how long a robots.txt is cached
 * @param maxConnections connections open at once, all hosts together
 */
public record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    long maxBytes,
    int maxRedirects,
    Duration robotsTtl,
    int maxConnections) {
  public FetchSettings {
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent is blank");
    }
    if (maxBytes <= 0 || maxRedirects < 0 || maxConnections <= 0) {
      throw new IllegalArgumentException(
          "maxBytes and maxConnections must be positive, maxRedirects >= 0");
    }
  }

  /** The robots.txt name: the User-Agent's product token without its version. */
  public String robotName() {
    String token = userAgent.strip().split("[\\s/]", 2)[0];
    return token.toLowerCase(java.util.Locale.ROOT);
  }

  /** Defaults for tests and tools: 10 s connect, 30 s read, 60 s total, 10 MiB, 5 redirects. */
  public static FetchSettings defaults(String userAgent) {
    return new FetchSettings(
        userAgent,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        10L * 1024 * 1024,
        5,
        Duration.ofHours(24),
        256);
  }
}
