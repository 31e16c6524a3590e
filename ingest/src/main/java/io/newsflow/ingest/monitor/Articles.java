package io.newsflow.ingest.monitor;

import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.canon.UrlCanon;
import io.newsflow.ingest.fetch.Charsets;
import io.newsflow.ingest.fetch.ContentSniffer;
import io.newsflow.ingest.fetch.Fault;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.RobotsCache;
import io.newsflow.ingest.fetch.Validators;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Via;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fetches one article, checks what came back, and produces it or a dead letter saying why not. */
final class Articles {
  private static final Logger LOG = LoggerFactory.getLogger(Articles.class);
  private static final int DLQ_VALUE_CAP = 1024 * 1024;

  /**
   * An article to fetch.
   *
   * @param seen what the store knew of it (null: never fetched)
   * @param changedAt the change date its source gave (epoch ms, 0 when none)
   */
  record Job(Outlet outlet, String url, String id, SeenStore.Seen seen, long changedAt, Via via) {
    int lastVersion() {
      return seen == null ? 0 : seen.version();
    }
  }

  private final Monitor m;
  private final Object[] locks = new Object[64];

  Articles(Monitor m) {
    this.m = m;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** Queues the fetch; {@code done} runs once it ended (produced, dead-lettered or skipped). */
  void submit(Job job, Countdown src, Runnable done) {
    src.begin();
    m.waiting(job.outlet(), job.url(), "queued for its host:");
    Runnable finish =
        () -> {
          m.notWaiting(job.outlet(), job.url());
          done.run();
        };
    m.frontier.submit(m.pace(job.url()), () -> run(job, 1, src, finish));
  }

  private void run(Job job, int attempt, Countdown src, Runnable done) {
    boolean finished = true;
    try {
      if (m.stopped) {
        src.incomplete();
      } else {
        finished = fetch(job, attempt, src, done);
      }
    } catch (RuntimeException e) {
      LOG.error("{}: fetching {} failed unexpectedly", job.outlet().name(), job.url(), e);
      lost(job, Fault.IO, "unexpected " + e, null);
    } finally {
      if (finished) {
        done.run();
        src.end();
      }
    }
  }

  /** Returns false when a retry was scheduled (the job is not finished yet). */
  private boolean fetch(Job job, int attempt, Countdown src, Runnable done) {
    RobotsCache.Decision d = m.robots.check(job.url(), job.outlet().privateHosts());
    m.frontier.crawlDelay(m.pace(job.url()), d.crawlDelay());
    if (!d.allowed()) {
      if (d.fault().retriable()) {
        later(job, d.fault(), d.reason(), null, src);
      } else {
        lost(job, d.fault(), d.reason(), null);
      }
      return true;
    }
    m.waiting(job.outlet(), job.url(), "fetching");
    FetchResult r = m.fetch(job.outlet(), job.url(), Validators.NONE);
    if (!r.failed()) {
      accept(job, r);
      return true;
    }
    if (m.stopped && r.fault().retriable()) {
      // interrupted by close(): not lost, not seen; the next start fetches it again
      src.incomplete();
      return true;
    }
    if (r.fault().retriable() && attempt < m.settings.maxAttempts()) {
      Duration wait = m.backoff(r, attempt);
      String host = m.pace(job.url());
      if (r.fault() == Fault.HTTP_RETRYABLE) {
        m.frontier.backoff(host, wait);
      }
      m.fault(
          job.outlet(),
          r.fault(),
          job.url(),
          r.reason()
              + "; attempt "
              + attempt
              + " of "
              + m.settings.maxAttempts()
              + ", retrying in "
              + wait.toMillis()
              + " ms");
      m.waiting(job.outlet(), job.url(), "retrying after " + r.fault().label() + ":");
      boolean scheduled =
          m.later(wait, () -> m.frontier.submit(host, () -> run(job, attempt + 1, src, done)));
      if (!scheduled) {
        src.incomplete();
      }
      return !scheduled;
    }
    String reason = r.reason() + (attempt > 1 ? " (after " + attempt + " attempts)" : "");
    if (r.fault().retriable()) {
      later(job, r.fault(), reason, r.retryAfter(), src);
    } else if (r.fault() == Fault.GONE && job.lastVersion() > 0) {
      takenDown(job, r.status());
    } else {
      lost(job, r.fault(), reason, null);
    }
    return true;
  }

  /**
   * The article failed for a passing reason in this poll: it is kept for a later poll (across
   * restarts too), after a pause that grows with each failed poll, and dead-lettered only once it
   * failed in {@code monitor.retry.polls} polls in a row. Its source's validators are not saved
   * meanwhile, so the source cannot answer 304 and hide it.
   */
  private void later(Job job, Fault f, String reason, Duration retryAfter, Countdown src) {
    int polls = m.settings.retryPolls();
    int failures = (job.seen() != null && job.seen().retrying() ? job.seen().failures() : 0) + 1;
    if (failures >= polls) {
      lost(
          job,
          f,
          reason + (polls > 1 ? "; failed in " + failures + " polls in a row, given up" : ""),
          null);
      return;
    }
    Duration wait = m.settings.retryDelay(failures, retryAfter);
    long changedAt = job.seen() == null ? 0 : job.seen().changedAt();
    m.store.retry(
        job.id(), job.lastVersion(), changedAt, failures, m.store.now() + wait.toMillis());
    src.incomplete();
    m.fault(
        job.outlet(),
        f,
        job.url(),
        reason
            + "; tried again by a poll at least "
            + wait.toSeconds()
            + " s from now (failed in "
            + failures
            + " of "
            + polls
            + " polls)");
  }

  private void accept(Job job, FetchResult r) {
    String binary = ContentSniffer.binaryKind(r.body());
    if (binary != null) {
      lost(
          job,
          Fault.BINARY_CONTENT,
          "body is binary (" + binary + ") though served as " + r.contentType(),
          r.body());
      return;
    }
    String type = r.contentType();
    boolean plain = "text/plain".equals(type);
    if (type != null && !plain && !type.contains("html") && !type.contains("xml")) {
      lost(job, Fault.BINARY_CONTENT, "not an article page: Content-Type " + type, r.body());
      return;
    }
    String charset = Charsets.detect(r.body(), r.declaredCharset());
    String url = job.url();
    if (!plain) {
      String canonical =
          UrlCanon.relCanonical(new String(r.body(), Charset.forName(charset)), r.url());
      if (canonical != null) {
        url = canonical;
      }
    }
    String id = ArticleIds.forUrl(url);
    Instant now = Instant.now();
    int version;
    // check-and-produce is atomic per id: two URLs of one article (an AMP copy, a tracking variant)
    // fetched at once must not both produce it
    synchronized (locks[Math.floorMod(id.hashCode(), locks.length)]) {
      SeenStore.Seen cur = m.store.article(id);
      if (cur != null && !cur.dead() && cur.version() > 0 && cur.covers(job.changedAt())) {
        // already produced (under its canonical URL): remember this URL as the same article, no
        // duplicate
        if (cur.retrying()) {
          // fetched fine this time: no longer waiting for a retry
          m.store.article(id, cur.version(), cur.changedAt(), false);
        }
        m.store.listed(id, job.changedAt());
        if (!id.equals(job.id())) {
          m.store.article(job.id(), cur.version(), job.changedAt(), false);
        }
        return;
      }
      // the listed URL's entry outlives its canonical one when only the listed URL stays in the
      // feed: its version keeps the count going after the canonical entry expired
      version = Math.max(cur == null ? 0 : cur.version(), job.lastVersion()) + 1;
      m.output.article(
          RawArticle.newBuilder()
              .setId(id)
              .setSource(url)
              .setOutlet(job.outlet().name())
              .setVia(job.via())
              .setFetchedAt(now)
              .setContentType(plain ? "text/plain" : "text/html")
              .setCharset(charset)
              .setBody(ByteBuffer.wrap(r.body()))
              .setVersion(version)
              .setLanguage(job.outlet().language())
              .build());
      m.store.article(id, version, job.changedAt(), false);
      if (!id.equals(job.id())) {
        m.store.article(job.id(), version, job.changedAt(), false);
      }
    }
    Monitor.OutletState st = m.state(job.outlet());
    (version == 1 ? st.created : st.updated).increment();
    m.listener.fetched(r.url(), now, r.status(), r.contentType(), r.body());
  }

  private void takenDown(Job job, int status) {
    String reason =
        "taken_down: HTTP "
            + status
            + " on re-fetch of a known article (last version "
            + job.lastVersion()
            + ")";
    deadLetter(job, reason, null);
    m.fault(job.outlet(), Fault.GONE, job.url(), reason);
    m.store.article(job.id(), job.lastVersion(), job.changedAt(), true);
    m.listener.takenDown(
        new MonitorListener.Takedown(
            job.id(), job.url(), job.outlet().name(), status, job.lastVersion(), Instant.now()));
  }

  /**
   * The article could not be obtained: count, log, dead-letter, and remember it so it is not
   * retried each poll.
   */
  private void lost(Job job, Fault f, String reason, byte[] body) {
    m.fault(job.outlet(), f, job.url(), reason);
    deadLetter(job, f.label() + ": " + reason, body);
    m.store.article(job.id(), job.lastVersion(), job.changedAt(), true);
  }

  private void deadLetter(Job job, String reason, byte[] body) {
    m.output.deadLetter(
        DeadLetter.newBuilder()
            .setStage("ingest")
            .setReason(reason)
            .setArticleId(job.id())
            .setSource(job.url())
            .setValue(
                body == null
                    ? null
                    : ByteBuffer.wrap(Arrays.copyOf(body, Math.min(body.length, DLQ_VALUE_CAP))))
            .setFailedAt(Instant.now())
            .build());
    m.state(job.outlet()).deadLetters.increment();
  }
}
