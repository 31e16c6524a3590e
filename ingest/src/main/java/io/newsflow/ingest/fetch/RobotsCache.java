package io.newsflow.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per scheme, host and port, parsed by crawler-commons and cached for the configured
 * TTL. A missing robots.txt (4xx) allows everything; a robots.txt that cannot be fetched (5xx,
 * timeouts) disallows everything for a short while, as the robots exclusion standard (RFC 9309)
 * asks.
 */
public final class RobotsCache {
  private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);
  private static final Duration UNREACHABLE_TTL = Duration.ofMinutes(10);
  private static final int MAX_ENTRIES = 50_000;

  /**
   * The decision for one URL.
   *
   * @param allowed whether the URL may be fetched
   * @param crawlDelay the host's Crawl-delay, or null when it sets none
   * @param reason why it is not allowed; null when allowed
   */
  public record Decision(boolean allowed, Duration crawlDelay, String reason) {}

  private record Entry(BaseRobotRules rules, long expiresAtNanos, String unreachable) {}

  private final Fetcher fetcher;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE / 4, 10);
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public RobotsCache(Fetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** May {@code url} be fetched? Fetches the host's robots.txt when not cached. */
  public Decision check(String url, boolean allowPrivate) {
    URI uri = Fetcher.httpUri(url);
    String key = key(uri);
    Entry e = cache.get(key);
    if (e == null || System.nanoTime() > e.expiresAtNanos) {
      e = load(key, allowPrivate);
      if (cache.size() >= MAX_ENTRIES) {
        evictExpired();
      }
      cache.put(key, e);
    }
    long delayMs = e.rules.getCrawlDelay();
    Duration delay =
        delayMs == BaseRobotRules.UNSET_CRAWL_DELAY || delayMs <= 0
            ? null
            : Duration.ofMillis(delayMs);
    if (e.unreachable != null) {
      return new Decision(
          false, delay, "robots.txt unreachable (" + e.unreachable + "); retried later");
    }
    boolean allowed = e.rules.isAllowed(uri.toString());
    return new Decision(allowed, delay, allowed ? null : "disallowed by robots.txt");
  }

  /**
   * Whether robots.txt allows {@code url}, for a redirect target: true also for a URL that cannot
   * be fetched at all, which the fetcher reports with a clearer reason.
   */
  public boolean allows(String url, boolean allowPrivate) {
    try {
      return check(url, allowPrivate).allowed();
    } catch (IllegalArgumentException badUrl) {
      return true;
    }
  }

  private Entry load(String key, boolean allowPrivate) {
    String robotsUrl = key + "/robots.txt";
    FetchResult r = fetcher.fetch(robotsUrl, Validators.NONE, allowPrivate);
    long ttl = fetcher.settings().robotsTtl().toNanos();
    if (r.ok()) {
      BaseRobotRules rules =
          parser.parseContent(
              robotsUrl,
              r.body(),
              r.contentType() == null ? "text/plain" : r.contentType(),
              List.of(fetcher.settings().robotName()));
      return new Entry(rules, System.nanoTime() + ttl, null);
    }
    if (r.fault() == Fault.GONE || r.fault() == Fault.HTTP_STATUS) {
      return new Entry(parser.failedFetch(404), System.nanoTime() + ttl, null);
    }
    if (r.fault() == Fault.BLOCKED_ADDRESS || r.fault() == Fault.BAD_URL) {
      // the page fetch itself will be refused with the same, clearer reason
      return new Entry(
          parser.failedFetch(404), System.nanoTime() + UNREACHABLE_TTL.toNanos(), null);
    }
    LOG.warn("robots.txt of {} unreachable: {}", key, r.reason());
    return new Entry(
        parser.failedFetch(503), System.nanoTime() + UNREACHABLE_TTL.toNanos(), r.reason());
  }

  private void evictExpired() {
    long now = System.nanoTime();
    for (Iterator<Entry> it = cache.values().iterator(); it.hasNext(); ) {
      if (now > it.next().expiresAtNanos) {
        it.remove();
      }
    }
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
  }

  static String key(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }
}
