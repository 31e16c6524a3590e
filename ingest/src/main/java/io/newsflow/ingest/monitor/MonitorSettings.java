package io.newsflow.ingest.monitor;

import io.newsflow.ingest.fetch.FetchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the monitor.
 *
 * @param fetch the fetcher's settings (User-Agent, timeouts, size cap, redirects)
 * @param stateDir where the seen-URL store lives
 * @param threads worker threads fetching and parsing, all hosts together
 * @param perHostConcurrency requests in flight to one host at most
 * @param minHostInterval least time between two request starts to one host
 * @param maxCrawlDelay cap on a robots.txt Crawl-delay (a longer one is applied at this value)
 * @param maxAttempts attempts per article on retriable faults (timeouts, 429/5xx, truncation)
 * @param maxBackoff longest pause for a retry or a host backing off
 * @param maxArticlesPerPoll new or changed articles fetched per source and poll; the rest wait for
 *     the next poll
 * @param startSpread first polls are spread over this much time (or the poll interval when shorter)
 * @param checkpointInterval how often produced records are flushed and the seen store persisted
 * @param seenRetention how long the seen store keeps an article no source lists any more; an
 *     article listed again after that is fetched again
 * @param retryPolls polls in which an article failing for a passing reason (timeouts, 429/5xx,
 *     robots.txt unavailable, DNS) is tried before it is dead-lettered; 1 dead-letters it at the
 *     end of the first poll's attempts
 * @param retryBackoff least time before such an article is tried in a later poll, doubled after
 *     each failed poll up to {@code maxBackoff} (a longer Retry-After wins, up to the same cap)
 * @param paceByAddress whether host names that reach one machine (one resolved address, every
 *     loopback name and literal counting as one) share its pacing; off, each name and port is paced
 *     alone (only for benches that play many hosts on one address)
 */
public record MonitorSettings(
    FetchSettings fetch,
    Path stateDir,
    int threads,
    int perHostConcurrency,
    Duration minHostInterval,
    Duration maxCrawlDelay,
    int maxAttempts,
    Duration maxBackoff,
    int maxArticlesPerPoll,
    Duration startSpread,
    Duration checkpointInterval,
    Duration seenRetention,
    int retryPolls,
    Duration retryBackoff,
    boolean paceByAddress) {
  /** Articles failing for passing reasons are tried in up to this many polls by default. */
  public static final int DEFAULT_RETRY_POLLS = 6;

  /** The first pause before a later poll tries such an article again, by default. */
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMinutes(1);

  public MonitorSettings {
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(stateDir, "stateDir");
    if (seenRetention.isNegative() || seenRetention.isZero()) {
      throw new IllegalArgumentException("seenRetention must be positive");
    }
    if (threads < 1
        || perHostConcurrency < 1
        || maxAttempts < 1
        || maxArticlesPerPoll < 1
        || retryPolls < 1) {
      throw new IllegalArgumentException(
          "threads, perHostConcurrency, maxAttempts, maxArticlesPerPoll, retryPolls must be >= 1");
    }
    Objects.requireNonNull(retryBackoff, "retryBackoff");
  }

  /** Settings with the default retries across polls. */
  public MonitorSettings(
      FetchSettings fetch,
      Path stateDir,
      int threads,
      int perHostConcurrency,
      Duration minHostInterval,
      Duration maxCrawlDelay,
      int maxAttempts,
      Duration maxBackoff,
      int maxArticlesPerPoll,
      Duration startSpread,
      Duration checkpointInterval,
      Duration seenRetention) {
    this(
        fetch,
        stateDir,
        threads,
        perHostConcurrency,
        minHostInterval,
        maxCrawlDelay,
        maxAttempts,
        maxBackoff,
        maxArticlesPerPoll,
        startSpread,
        checkpointInterval,
        seenRetention,
        DEFAULT_RETRY_POLLS,
        DEFAULT_RETRY_BACKOFF,
        true);
  }

  /** The pause before a later poll tries an article that failed in {@code failures} polls. */
  public Duration retryDelay(int failures, Duration retryAfter) {
    Duration d = retryBackoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
    if (retryAfter != null && retryAfter.compareTo(d) > 0) {
      d = retryAfter;
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  public MonitorSettings withRetries(int polls, Duration backoff) {
    return new MonitorSettings(
        fetch,
        stateDir,
        threads,
        perHostConcurrency,
        minHostInterval,
        maxCrawlDelay,
        maxAttempts,
        maxBackoff,
        maxArticlesPerPoll,
        startSpread,
        checkpointInterval,
        seenRetention,
        polls,
        backoff,
        paceByAddress);
  }

  public MonitorSettings withPaceByAddress(boolean on) {
    return new MonitorSettings(
        fetch,
        stateDir,
        threads,
        perHostConcurrency,
        minHostInterval,
        maxCrawlDelay,
        maxAttempts,
        maxBackoff,
        maxArticlesPerPoll,
        startSpread,
        checkpointInterval,
        seenRetention,
        retryPolls,
        retryBackoff,
        on);
  }

  /**
   * Throws unless the seen-store retention is at least twice every outlet's poll interval: an
   * article still listed is refreshed only when its source is polled, so a shorter retention would
   * forget articles still listed and fetch them again.
   */
  public void requireRetentionOver(List<Outlet> outlets) {
    for (Outlet o : outlets) {
      if (seenRetention.compareTo(o.pollInterval().multipliedBy(2)) < 0) {
        throw new IllegalArgumentException(
            "seen-store retention ("
                + seenRetention
                + ", monitor.seen.retention.ms) must be at least twice outlet "
                + o.name()
                + "'s pollInterval ("
                + o.pollInterval()
                + ")");
      }
    }
  }

  /**
   * Defaults: 32 threads, 2 per host, 1 s apart, Crawl-delay up to 30 s, 3 attempts, backoff up to
   * 10 min, seen articles kept 30 days after their last listing.
   */
  public static MonitorSettings defaults(FetchSettings fetch, Path stateDir) {
    return new MonitorSettings(
        fetch,
        stateDir,
        32,
        2,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        3,
        Duration.ofMinutes(10),
        1000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        SeenStore.DEFAULT_RETENTION);
  }

  public MonitorSettings withMinHostInterval(Duration d) {
    return new MonitorSettings(
        fetch,
        stateDir,
        threads,
        perHostConcurrency,
        d,
        maxCrawlDelay,
        maxAttempts,
        maxBackoff,
        maxArticlesPerPoll,
        startSpread,
        checkpointInterval,
        seenRetention,
        retryPolls,
        retryBackoff,
        paceByAddress);
  }

  public MonitorSettings withMaxBackoff(Duration d) {
    return new MonitorSettings(
        fetch,
        stateDir,
        threads,
        perHostConcurrency,
        minHostInterval,
        maxCrawlDelay,
        maxAttempts,
        d,
        maxArticlesPerPoll,
        startSpread,
        checkpointInterval,
        seenRetention,
        retryPolls,
        retryBackoff,
        paceByAddress);
  }

  public MonitorSettings withStartSpread(Duration d) {
    return new MonitorSettings(
        fetch,
        stateDir,
        threads,
        perHostConcurrency,
        minHostInterval,
        maxCrawlDelay,
        maxAttempts,
        maxBackoff,
        maxArticlesPerPoll,
        d,
        checkpointInterval,
        seenRetention,
        retryPolls,
        retryBackoff,
        paceByAddress);
  }

  public MonitorSettings withThreads(int n) {
    return new MonitorSettings(
        fetch,
        stateDir,
        n,
        perHostConcurrency,
        minHostInterval,
        maxCrawlDelay,
        maxAttempts,
        maxBackoff,
        maxArticlesPerPoll,
        startSpread,
        checkpointInterval,
        seenRetention,
        retryPolls,
        retryBackoff,
        paceByAddress);
  }

  public MonitorSettings withSeenRetention(Duration d) {
    return new MonitorSettings(
        fetch,
        stateDir,
        threads,
        perHostConcurrency,
        minHostInterval,
        maxCrawlDelay,
        maxAttempts,
        maxBackoff,
        maxArticlesPerPoll,
        startSpread,
        checkpointInterval,
        d,
        retryPolls,
        retryBackoff,
        paceByAddress);
  }
}
