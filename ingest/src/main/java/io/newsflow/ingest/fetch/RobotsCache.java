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
 * TTL. Only a robots.txt that was read decides anything, and only it is cached: a robots.txt that
 * is missing (4xx) allows everything; one that cannot be read (5xx, timeout, network, a name that
 * does not resolve) means "try later", as RFC 9309 asks for server errors: nothing on the host is
 * fetched meanwhile, and that state is kept only briefly ({@link #UNAVAILABLE_RETRY}, or the
 * server's Retry-After) so the host is not asked again for every article. When a cached robots.txt
 * expired and its refresh fails, the last one read keeps deciding (RFC 9309, 2.4). A fetch the
 * address guard refused decides nothing and is not remembered: another outlet allowed to reach that
 * host reads the host's robots.txt itself.
 */
public final class RobotsCache {
  private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);

  /** How long a robots.txt that could not be read is left alone before it is asked again. */
  public static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(30);

  private static final Duration MAX_UNAVAILABLE_RETRY = Duration.ofMinutes(10);
  private static final int MAX_ENTRIES = 50_000;

  /**
   * The decision for one URL.
   *
   * @param allowed whether the URL may be fetched
   * @param crawlDelay the host's Crawl-delay, or null when it sets none (or is unknown)
   * @param reason why it is not allowed; null when allowed
   * @param fault the kind of refusal: {@link Fault#ROBOTS_DISALLOWED} (for good), {@link
   *     Fault#ROBOTS_UNAVAILABLE} or {@link Fault#DNS} (try later), {@link Fault#BLOCKED_ADDRESS};
   *     null when allowed
   */
  public record Decision(boolean allowed, Duration crawlDelay, String reason, Fault fault) {}

  private record Entry(BaseRobotRules rules, long expiresAtNanos) {}

  private record Unavailable(long untilNanos, Fault fault, String reason) {}

  private final Fetcher fetcher;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE / 4, 10);
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Map<String, Unavailable> unavailable = new ConcurrentHashMap<>();

  private final Duration unavailableRetry;

  public RobotsCache(Fetcher fetcher) {
    this(fetcher, UNAVAILABLE_RETRY);
  }

  /**
   * @param unavailableRetry how long a robots.txt that could not be read is left alone when the
   *     server sends no Retry-After
   */
  RobotsCache(Fetcher fetcher, Duration unavailableRetry) {
    this.fetcher = fetcher;
    this.unavailableRetry = unavailableRetry;
  }

  /** As {@link #check(String, PrivateHosts)}, {@code url}'s own host allowed private or not. */
  public Decision check(String url, boolean allowPrivate) {
    return check(url, allowPrivate ? PrivateHosts.of(List.of(url)) : PrivateHosts.NONE);
  }

  /**
   * May {@code url} be fetched? Fetches the host's robots.txt when not cached.
   *
   * @param privateHosts hosts whose robots.txt may be fetched from a loopback/private address
   * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
   */
  public Decision check(String url, PrivateHosts privateHosts) {
    URI uri = Fetcher.httpUri(url);
    String key = key(uri);
    long now = System.nanoTime();
    Entry e = cache.get(key);
    if (e != null && now - e.expiresAtNanos < 0) {
      return decide(e, uri);
    }
    Unavailable u = unavailable.get(key);
    if (u != null && now - u.untilNanos < 0) {
      return e != null ? decide(e, uri) : new Decision(false, null, u.reason, u.fault);
    }
    String robotsUrl = key + "/robots.txt";
    FetchResult r =
        fetcher.fetch(
            robotsUrl, Validators.NONE, privateHosts, (Fetcher.RedirectCheck) hop -> null);
    if (r.ok() || r.fault() == Fault.GONE || r.fault() == Fault.HTTP_STATUS) {
      Entry fresh = new Entry(rules(robotsUrl, r), System.nanoTime() + ttlNanos());
      if (cache.size() >= MAX_ENTRIES) {
        evictExpired();
      }
      cache.put(key, fresh);
      unavailable.remove(key);
      return decide(fresh, uri);
    }
    if (r.fault() == Fault.BLOCKED_ADDRESS || r.fault() == Fault.BAD_URL) {
      // refused before any request: says nothing about the host's rules, so nothing is cached
      return new Decision(false, null, r.reason(), Fault.BLOCKED_ADDRESS);
    }
    Fault kind = r.fault() == Fault.DNS ? Fault.DNS : Fault.ROBOTS_UNAVAILABLE;
    String reason =
        kind == Fault.DNS
            ? r.reason()
            : "robots.txt " + robotsUrl + " unavailable (" + r.reason() + "); tried again later";
    Duration wait = r.retryAfter() == null ? unavailableRetry : r.retryAfter();
    if (wait.compareTo(MAX_UNAVAILABLE_RETRY) > 0) {
      wait = MAX_UNAVAILABLE_RETRY;
    }
    unavailable.put(key, new Unavailable(System.nanoTime() + wait.toNanos(), kind, reason));
    if (e != null) {
      LOG.warn("{}; the copy read before still applies", reason);
      return decide(e, uri);
    }
    LOG.warn("{}", reason);
    return new Decision(false, null, reason, kind);
  }

  /**
   * Whether robots.txt allows {@code url}, for a redirect target: true also for a URL that cannot
   * be fetched at all, which the fetcher reports with a clearer reason.
   */
  public boolean allows(String url, boolean allowPrivate) {
    return redirect(url, allowPrivate ? PrivateHosts.of(List.of(url)) : PrivateHosts.NONE) == null;
  }

  /**
   * Why a redirect to {@code url} may not be followed (disallowed, or robots.txt unavailable), or
   * null when it may: also for a URL the address guard refuses, which the fetcher then reports.
   */
  public Fetcher.Refusal redirect(String url, PrivateHosts privateHosts) {
    Decision d;
    try {
      d = check(url, privateHosts);
    } catch (IllegalArgumentException badUrl) {
      return null;
    }
    if (d.allowed() || d.fault() == Fault.BLOCKED_ADDRESS) {
      return null;
    }
    return new Fetcher.Refusal(
        d.fault(),
        d.fault() == Fault.ROBOTS_DISALLOWED
            ? "redirect target " + url + " is disallowed by robots.txt"
            : "redirect target " + url + ": " + d.reason());
  }

  private Decision decide(Entry e, URI uri) {
    long delayMs = e.rules.getCrawlDelay();
    Duration delay =
        delayMs == BaseRobotRules.UNSET_CRAWL_DELAY || delayMs <= 0
            ? null
            : Duration.ofMillis(delayMs);
    boolean allowed = e.rules.isAllowed(uri.toString());
    return allowed
        ? new Decision(true, delay, null, null)
        : new Decision(false, delay, "disallowed by robots.txt", Fault.ROBOTS_DISALLOWED);
  }

  private BaseRobotRules rules(String robotsUrl, FetchResult r) {
    if (!r.ok()) {
      return parser.failedFetch(404); // missing: everything allowed
    }
    return parser.parseContent(
        robotsUrl,
        r.body(),
        r.contentType() == null ? "text/plain" : r.contentType(),
        List.of(fetcher.settings().robotName()));
  }

  private long ttlNanos() {
    return fetcher.settings().robotsTtl().toNanos();
  }

  private void evictExpired() {
    long now = System.nanoTime();
    for (Iterator<Entry> it = cache.values().iterator(); it.hasNext(); ) {
      if (now - it.next().expiresAtNanos > 0) {
        it.remove();
      }
    }
    unavailable.values().removeIf(u -> now - u.untilNanos > 0);
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
