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
import java.util.List;
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
      m.frontier.submit(
          Monitor.host(url),
          () -> {
            try {
              if (m.stopped) {
                src.incomplete();
              } else {
                validators.set(poll(cycle, src, o, url, via, depth));
              }
            } catch (RuntimeException e) {
              LOG.error("{}: polling {} failed unexpectedly", o.name(), url, e);
              m.fault(o, Fault.IO, url, "unexpected " + e);
            } finally {
              src.arm();
            }
          });
    } catch (IllegalArgumentException e) {
      m.fault(o, Fault.BAD_URL, url, e.getMessage());
      src.arm();
    }
  }

  /** Polls the source; returns its validators to remember, or null. */
  private Validators poll(
      Countdown cycle, Countdown src, Outlet o, String url, Via via, int depth) {
    RobotsCache.Decision d = m.robots.check(url, o.allowPrivateAddresses());
    m.frontier.crawlDelay(Monitor.host(url), d.crawlDelay());
    if (!d.allowed()) {
      m.fault(o, Fault.ROBOTS_DISALLOWED, url, d.reason());
      return null;
    }
    FetchResult r = m.fetch(o, url, m.store.validators(url));
    if (r.notModified()) {
      return null;
    }
    if (r.failed()) {
      m.fault(o, r.fault(), url, r.reason());
      if (r.fault() == Fault.HTTP_RETRYABLE) {
        m.frontier.backoff(Monitor.host(url), m.backoff(r, 1));
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
        if (map.isIndex()) {
          children(cycle, o, url, map.sitemaps(), depth);
        }
        return map.articles();
      default:
        String charset = Charsets.detect(r.body(), r.declaredCharset());
        return PageLinks.sameSite(new String(r.body(), Charset.forName(charset)), r.url());
    }
  }

  private void children(Countdown cycle, Outlet o, String url, List<Entry> children, int depth) {
    if (depth + 1 > MAX_SITEMAP_DEPTH) {
      m.fault(
          o,
          Fault.MALFORMED_XML,
          url,
          "sitemap index nested deeper than " + MAX_SITEMAP_DEPTH + "; children ignored");
      return;
    }
    int n = 0;
    for (Entry child : children) {
      if (++n > MAX_CHILD_SITEMAPS) {
        LOG.warn(
            "{}: sitemap index {} lists {} sitemaps; polling the first {}",
            o.name(),
            url,
            children.size(),
            MAX_CHILD_SITEMAPS);
        break;
      }
      submit(cycle, o, child.url(), Via.SITEMAP, depth + 1);
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
      if (seen != null && seen.covers(changedAt)) {
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
