package io.newsflow.ingest.monitor;

import io.newsflow.ingest.fetch.FetchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The {@code monitor.*} settings, read from the same layers as every newsflow setting (defaults,
 * {@code --config} file, {@code NEWSFLOW_MONITOR_*} environment, flags). Unknown keys are ignored
 * here: the rest of newsflow's settings share the map.
 */
public final class MonitorConfig extends AbstractConfig {
  public static final String CONTACT_CONFIG = "monitor.contact";
  static final String CONTACT_DOC =
      "Contact URL or e-mail put in the User-Agent so site owners can reach whoever runs "
          + "this crawler, e.g. https://example.org/newsflow-bot. Strongly recommended; a warning is printed without it.";
  public static final String AGENT_CONFIG = "monitor.user.agent";
  static final String AGENT_DOC =
      "Product token of the User-Agent, also the name matched in robots.txt.";
  public static final String THREADS_CONFIG = "monitor.threads";
  static final String THREADS_DOC = "Worker threads fetching and parsing, all hosts together.";
  public static final String HOST_CONCURRENCY_CONFIG = "monitor.host.concurrency";
  static final String HOST_CONCURRENCY_DOC = "Requests in flight to one host at most.";
  public static final String HOST_INTERVAL_CONFIG = "monitor.host.interval.ms";
  static final String HOST_INTERVAL_DOC =
      "Least time between two request starts to one host (robots.txt Crawl-delay wins when longer).";
  public static final String MAX_CRAWL_DELAY_CONFIG = "monitor.max.crawl.delay.ms";
  static final String MAX_CRAWL_DELAY_DOC = "Cap on a robots.txt Crawl-delay.";
  public static final String CONNECT_TIMEOUT_CONFIG = "monitor.connect.timeout.ms";
  static final String CONNECT_TIMEOUT_DOC = "TCP/TLS connect timeout.";
  public static final String READ_TIMEOUT_CONFIG = "monitor.read.timeout.ms";
  static final String READ_TIMEOUT_DOC = "Longest wait for the next bytes of a response.";
  public static final String TOTAL_TIMEOUT_CONFIG = "monitor.total.timeout.ms";
  static final String TOTAL_TIMEOUT_DOC =
      "Hard deadline of one fetch, redirects included: the connection is aborted when it passes.";
  public static final String MAX_BYTES_CONFIG = "monitor.max.bytes";
  static final String MAX_BYTES_DOC =
      "Largest page, feed or sitemap accepted, after decompression; larger ones are faults (dead letters for articles).";
  public static final String MAX_REDIRECTS_CONFIG = "monitor.max.redirects";
  static final String MAX_REDIRECTS_DOC = "Redirects followed per fetch.";
  public static final String MAX_ATTEMPTS_CONFIG = "monitor.max.attempts";
  static final String MAX_ATTEMPTS_DOC =
      "Attempts per article and poll on retriable faults (timeouts, 429/5xx, truncated bodies); "
          + "then it waits for a later poll (monitor.retry.polls).";
  public static final String RETRY_POLLS_CONFIG = "monitor.retry.polls";
  static final String RETRY_POLLS_DOC =
      "Polls in which an article that failed for a passing reason (timeout, 429/5xx, truncated "
          + "body, robots.txt unavailable, a name that does not resolve) is tried before it is "
          + "dead-lettered; it is saved across restarts. 1 dead-letters it after the first poll's attempts.";
  public static final String RETRY_BACKOFF_CONFIG = "monitor.retry.backoff.ms";
  static final String RETRY_BACKOFF_DOC =
      "Least time before a later poll tries such an article again; doubled after each failed "
          + "poll, up to monitor.max.backoff.ms (a longer Retry-After wins, up to the same cap).";
  public static final String MAX_BACKOFF_CONFIG = "monitor.max.backoff.ms";
  static final String MAX_BACKOFF_DOC =
      "Longest pause before a retry or while a host backs off (Retry-After is honoured up to this).";
  public static final String MAX_ARTICLES_CONFIG = "monitor.max.articles.per.poll";
  static final String MAX_ARTICLES_DOC =
      "New or changed articles fetched per source and poll; the rest wait for the next poll.";
  public static final String START_SPREAD_CONFIG = "monitor.start.spread.ms";
  static final String START_SPREAD_DOC =
      "First polls of the outlets are spread over this long (or their interval when shorter).";
  public static final String ROBOTS_TTL_CONFIG = "monitor.robots.ttl.ms";
  static final String ROBOTS_TTL_DOC = "How long a robots.txt is cached.";
  public static final String SEEN_RETENTION_CONFIG = "monitor.seen.retention.ms";
  static final String SEEN_RETENTION_DOC =
      "How long the seen-URL store keeps an article after a source last listed it; then it is "
          + "forgotten, and fetched again if a source lists it later. Must be at least twice the "
          + "longest pollInterval of the outlets.";

  public static final ConfigDef DEF =
      new ConfigDef()
          .define(CONTACT_CONFIG, Type.STRING, "", Importance.HIGH, CONTACT_DOC)
          .define(AGENT_CONFIG, Type.STRING, "newsflow", Importance.LOW, AGENT_DOC)
          .define(
              THREADS_CONFIG, Type.INT, 32, Range.between(1, 1024), Importance.MEDIUM, THREADS_DOC)
          .define(
              HOST_CONCURRENCY_CONFIG,
              Type.INT,
              2,
              Range.between(1, 64),
              Importance.MEDIUM,
              HOST_CONCURRENCY_DOC)
          .define(
              HOST_INTERVAL_CONFIG,
              Type.LONG,
              1000L,
              Range.atLeast(0),
              Importance.MEDIUM,
              HOST_INTERVAL_DOC)
          .define(
              MAX_CRAWL_DELAY_CONFIG,
              Type.LONG,
              30_000L,
              Range.atLeast(0),
              Importance.LOW,
              MAX_CRAWL_DELAY_DOC)
          .define(
              CONNECT_TIMEOUT_CONFIG,
              Type.LONG,
              10_000L,
              Range.atLeast(1),
              Importance.LOW,
              CONNECT_TIMEOUT_DOC)
          .define(
              READ_TIMEOUT_CONFIG,
              Type.LONG,
              30_000L,
              Range.atLeast(1),
              Importance.LOW,
              READ_TIMEOUT_DOC)
          .define(
              TOTAL_TIMEOUT_CONFIG,
              Type.LONG,
              60_000L,
              Range.atLeast(1),
              Importance.LOW,
              TOTAL_TIMEOUT_DOC)
          .define(
              MAX_BYTES_CONFIG,
              Type.LONG,
              10L * 1024 * 1024,
              Range.between(1024, 25L * 1024 * 1024),
              Importance.MEDIUM,
              MAX_BYTES_DOC)
          .define(
              MAX_REDIRECTS_CONFIG,
              Type.INT,
              5,
              Range.between(0, 20),
              Importance.LOW,
              MAX_REDIRECTS_DOC)
          .define(
              MAX_ATTEMPTS_CONFIG,
              Type.INT,
              3,
              Range.between(1, 20),
              Importance.LOW,
              MAX_ATTEMPTS_DOC)
          .define(
              RETRY_POLLS_CONFIG,
              Type.INT,
              MonitorSettings.DEFAULT_RETRY_POLLS,
              Range.between(1, 100),
              Importance.LOW,
              RETRY_POLLS_DOC)
          .define(
              RETRY_BACKOFF_CONFIG,
              Type.LONG,
              MonitorSettings.DEFAULT_RETRY_BACKOFF.toMillis(),
              Range.atLeast(0),
              Importance.LOW,
              RETRY_BACKOFF_DOC)
          .define(
              MAX_BACKOFF_CONFIG,
              Type.LONG,
              600_000L,
              Range.atLeast(0),
              Importance.LOW,
              MAX_BACKOFF_DOC)
          .define(
              MAX_ARTICLES_CONFIG,
              Type.INT,
              1000,
              Range.atLeast(1),
              Importance.LOW,
              MAX_ARTICLES_DOC)
          .define(
              START_SPREAD_CONFIG,
              Type.LONG,
              30_000L,
              Range.atLeast(0),
              Importance.LOW,
              START_SPREAD_DOC)
          .define(
              ROBOTS_TTL_CONFIG,
              Type.LONG,
              86_400_000L,
              Range.atLeast(0),
              Importance.LOW,
              ROBOTS_TTL_DOC)
          .define(
              SEEN_RETENTION_CONFIG,
              Type.LONG,
              SeenStore.DEFAULT_RETENTION.toMillis(),
              Range.atLeast(60_000),
              Importance.LOW,
              SEEN_RETENTION_DOC);

  public MonitorConfig(Map<?, ?> originals) {
    super(DEF, originals, false);
  }

  /** The User-Agent: {@code <token>/<version> (+<contact>)}. */
  public String userAgent(String version) {
    String contact = getString(CONTACT_CONFIG).strip();
    return getString(AGENT_CONFIG).strip()
        + "/"
        + version
        + (contact.isEmpty() ? "" : " (+" + contact + ")");
  }

  public boolean hasContact() {
    return !getString(CONTACT_CONFIG).isBlank();
  }

  /** The monitor's settings, its state kept in {@code stateDir}. */
  public MonitorSettings settings(String version, Path stateDir) {
    FetchSettings fetch =
        new FetchSettings(
            userAgent(version),
            ms(CONNECT_TIMEOUT_CONFIG),
            ms(READ_TIMEOUT_CONFIG),
            ms(TOTAL_TIMEOUT_CONFIG),
            getLong(MAX_BYTES_CONFIG),
            getInt(MAX_REDIRECTS_CONFIG),
            ms(ROBOTS_TTL_CONFIG),
            Math.max(16, getInt(THREADS_CONFIG) * 2));
    return new MonitorSettings(
        fetch,
        stateDir,
        getInt(THREADS_CONFIG),
        getInt(HOST_CONCURRENCY_CONFIG),
        ms(HOST_INTERVAL_CONFIG),
        ms(MAX_CRAWL_DELAY_CONFIG),
        getInt(MAX_ATTEMPTS_CONFIG),
        ms(MAX_BACKOFF_CONFIG),
        getInt(MAX_ARTICLES_CONFIG),
        ms(START_SPREAD_CONFIG),
        Duration.ofSeconds(5),
        ms(SEEN_RETENTION_CONFIG),
        getInt(RETRY_POLLS_CONFIG),
        ms(RETRY_BACKOFF_CONFIG),
        true);
  }

  private Duration ms(String key) {
    return Duration.ofMillis(getLong(key));
  }
}
