package io.newsflow.ingest.monitor;

import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.canon.UrlCanon;
import io.newsflow.ingest.feed.Entry;
import io.newsflow.ingest.feed.FeedParseException;
import io.newsflow.ingest.feed.FeedReader;
import io.newsflow.ingest.feed.PageLinks;
import io.newsflow.ingest.feed.SitemapReader;
import io.newsflow.ingest.fetch.Charsets;
import io.newsflow.ingest.fetch.Fault;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.RobotsCache;
import io.newsflow.ingest.fetch.Validators;
import io.newsflow.schemas.Via;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source (feed, sitemap, seed page) and hands its new and changed articles to {@link
 * Articles}.
 */
final class Sources {
  private static final Logger LOG = LoggerFactory.getLogger(Sources.class);
  private static final int MAX_SITEMAP_DEPTH = 2;
  private static final int MAX_CHILD_SITEMAPS = 50;

  private final Monitor m;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  // per sitemap URL read in this run, the child sitemaps it listed (none: not an index)
  private final Map<String, List<String>> children = new ConcurrentHashMap<>();

  Sources(Monitor m) {
    this.m = m;
  }

  /** Queues a poll of {@code url} as part of {@code cycle}. */
  void submit(Countdown cycle, Outlet o, String url, Via via, int depth) {
    cycle.begin();
    AtomicReference<Validators> validators = new AtomicReference<>();
    Countdown[] self = new Countdown[1];
    // the source's validators are recorded once every article it listed is recorded, and only when
    // none was deferred or skipped: a 304 next time must not hide an article never fetched
    self[0] =
        new Countdown(
            () -> {
              if (validators.get() != null && self[0].isComplete()) {
                m.store.source(url, validators.get());
              }
              cycle.end();
            });
    Countdown src = self[0];
    try {
      String host = m.pace(url);
      m.waiting(o, url, "queued for its host:");
      m.frontier.submit(
          host,
          () -> {
            try {
              if (m.stopped) {
                src.incomplete();
              } else {
                m.waiting(o, url, "fetching");
                validators.set(poll(cycle, src, o, url, via, depth));
              }
            } catch (RuntimeException e) {
              LOG.error("{}: polling {} failed unexpectedly", o.name(), url, e);
              m.fault(o, Fault.IO, url, "unexpected " + e);
            } finally {
              m.notWaiting(o, url);
              src.arm();
            }
          });
    } catch (IllegalArgumentException e) {
      m.notWaiting(o, url);
      m.fault(o, Fault.BAD_URL, url, e.getMessage());
      src.arm();
    }
  }

  /** Polls the source; returns its validators to remember, or null. */
  private Validators poll(
      Countdown cycle, Countdown src, Outlet o, String url, Via via, int depth) {
    RobotsCache.Decision d = m.robots.check(url, o.privateHosts());
    m.frontier.crawlDelay(m.pace(url), d.crawlDelay());
    if (!d.allowed()) {
      m.fault(o, d.fault(), url, d.reason());
      return null;
    }
    FetchResult r = m.fetch(o, url, m.store.validators(url));
    if (r.notModified() && via == Via.SITEMAP && depth < MAX_SITEMAP_DEPTH) {
      List<String> known = children.get(url);
      if (known == null) {
        // started since it was last read: whether it is an index, and of what, is not known
        // here; read it in full once so its children are polled whatever it answers later
        r = m.fetch(o, url, Validators.NONE);
      } else {
        // an unchanged index says nothing about its children: each is polled on its own
        children(cycle, o, url, known, depth);
        return null;
      }
    }
    if (r.notModified()) {
      return null;
    }
    if (r.failed()) {
      m.fault(o, r.fault(), url, r.reason());
      if (r.fault() == Fault.HTTP_RETRYABLE) {
        m.frontier.backoff(m.pace(url), m.backoff(r, 1));
      }
      return null;
    }
    List<Entry> entries;
    try {
      entries = entries(cycle, o, url, via, depth, r);
    } catch (FeedParseException e) {
      m.fault(o, Fault.MALFORMED_XML, url, e.getMessage());
      return null;
    }
    articles(src, o, entries, via);
    return new Validators(r.etag(), r.lastModified());
  }

  private List<Entry> entries(
      Countdown cycle, Outlet o, String url, Via via, int depth, FetchResult r)
      throws FeedParseException {
    switch (via) {
      case FEED:
        FeedReader.Result feed = FeedReader.read(r.body(), url);
        if (feed.skipped() > 0) {
          m.fault(o, Fault.BAD_URL, url, feed.skipped() + " feed entries without a usable link");
        }
        return feed.entries();
      case SITEMAP:
        SitemapReader.Result map =
            SitemapReader.read(r.body(), r.contentType(), url, m.settings.fetch().maxBytes());
        List<String> kids = map.isIndex() ? newestFirst(o, url, map.sitemaps()) : List.of();
        children.put(url, kids);
        children(cycle, o, url, kids, depth);
        return map.articles();
      default:
        String charset = Charsets.detect(r.body(), r.declaredCharset());
        return PageLinks.sameSite(new String(r.body(), Charset.forName(charset)), r.url());
    }
  }

  /**
   * The child sitemaps of an index to poll: at most {@link #MAX_CHILD_SITEMAPS}, the most recently
   * modified first (undated ones after, in their order), so a long archive index still has its
   * current news sitemap polled.
   */
  private List<String> newestFirst(Outlet o, String url, List<Entry> listed) {
    List<Entry> sorted = new ArrayList<>(listed);
    sorted.sort(
        Comparator.comparing(
            Entry::changedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
    if (sorted.size() > MAX_CHILD_SITEMAPS) {
      LOG.warn(
          "{}: sitemap index {} lists {} sitemaps; polling the {} modified last",
          o.name(),
          url,
          sorted.size(),
          MAX_CHILD_SITEMAPS);
    }
    return sorted.stream().limit(MAX_CHILD_SITEMAPS).map(Entry::url).toList();
  }

  private void children(Countdown cycle, Outlet o, String url, List<String> kids, int depth) {
    if (kids.isEmpty()) {
      return;
    }
    if (depth + 1 > MAX_SITEMAP_DEPTH) {
      m.fault(
          o,
          Fault.MALFORMED_XML,
          url,
          "sitemap index nested deeper than " + MAX_SITEMAP_DEPTH + "; children ignored");
      return;
    }
    for (String child : kids) {
      submit(cycle, o, child, Via.SITEMAP, depth + 1);
    }
  }

  private void articles(Countdown src, Outlet o, List<Entry> entries, Via via) {
    int queued = 0;
    for (Entry e : entries) {
      String url;
      try {
        url = UrlCanon.canonicalize(e.url());
      } catch (IllegalArgumentException bad) {
        m.fault(o, Fault.BAD_URL, e.url(), bad.getMessage());
        continue;
      }
      if (!o.accepts(url)) {
        continue;
      }
      String id = ArticleIds.forUrl(url);
      SeenStore.Seen seen = m.store.article(id);
      long changedAt = e.changedAt() == null ? 0 : e.changedAt().toEpochMilli();
      if (seen != null && seen.retrying()) {
        if (m.store.now() < seen.retryAt()) {
          // failed before for a passing reason; its turn comes in a later poll. The source's
          // validators are not saved meanwhile: a 304 must not hide it
          m.store.listed(id);
          src.incomplete();
          continue;
        }
      } else if (seen != null && seen.covers(changedAt)) {
        // still listed: not to be forgotten by the store's retention (and dated, if it was not)
        m.store.listed(id, changedAt);
        continue;
      }
      if (queued >= m.settings.maxArticlesPerPoll()) {
        src.incomplete();
        continue;
      }
      if (!inFlight.add(id)) {
        continue;
      }
      queued++;
      Articles.Job job = new Articles.Job(o, url, id, seen, changedAt, via);
      m.articles.submit(job, src, () -> inFlight.remove(id));
    }
    if (!src.isComplete()) {
      LOG.info(
          "{}: more than {} new articles in one source; the rest come with the next poll",
          o.name(),
          m.settings.maxArticlesPerPoll());
    }
  }
}
