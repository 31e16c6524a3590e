package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.KafkaRawSink;
import io.newsflow.ingest.fetch.AddressGuard;
import io.newsflow.ingest.fetch.FetchSettings;
import io.newsflow.ingest.fetch.HostileWeb;
import io.newsflow.ingest.fetch.OutletServer;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor against the hostile web, asserting on what reaches news.raw and news.dlq: a local
 * server (loopback only) plays outlets with each fault the monitoring docs name. Time limits are
 * generous bounds on how long a fault may hold a worker, not speed targets.
 */
class HostileWebIT {
  @TempDir Path state;
  final OutletServer server = MonitorIT.newServer();
  final OutletServer other = MonitorIT.newServer();
  final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void topics() {
    TopicReader.ensureTopics();
  }

  @AfterEach
  void stop() {
    server.close();
    other.close();
  }

  @Test
  void shouldNeverFetchWhatRobotsTxtDisallowsWhicheverOutletReachesTheHostFirst() throws Exception {
    server.page(
        "/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n");
    server.page("/feed.xml", "application/rss+xml", rss("/news/1", "/news/2", "/private/3"));
    servePages(server, "/news/1", "/news/2", "/private/3");
    // the outlet without the allowance is polled first: its robots.txt fetch is refused
    Outlet guarded = outlet("guarded-" + run, server.url("/feed.xml"), false);
    Outlet allowed = outlet("allowed-" + run, server.url("/feed.xml"), true);

    List<OutletStatus> status =
        runOnce(settings().withStartSpread(Duration.ofSeconds(2)), guarded, allowed);

    assertThat(server.hits("/private/3")).as("Disallowed fetches").isZero();
    assertThat(MonitorIT.raw(allowed.name()))
        .extracting(RawArticle::getSource)
        .containsExactlyInAnyOrder(server.url("/news/1"), server.url("/news/2"));
    assertThat(reasons(server)).containsKey("/private/3");
    assertThat(reasons(server).get("/private/3")).startsWith("robots_disallowed:");
    assertThat(MonitorIT.raw(guarded.name())).isEmpty();
    assertThat(status.get(0).lastError()).startsWith("blocked_address " + server.url("/feed.xml"));
    // the allowed outlet's requests keep the Crawl-delay (no host interval is configured)
    List<Long> starts =
        server.log.stream()
            .filter(h -> !h.path().equals("/robots.txt"))
            .map(OutletServer.Hit::atNanos)
            .toList();
    assertThat(starts).hasSize(3);
    for (int i = 1; i < starts.size(); i++) {
      assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1)))
          .isGreaterThan(Duration.ofMillis(1900));
    }
  }

  @Test
  void shouldDeadLetterDripsAndOversizedBodiesWithinTheirDeadlineAndSayWhatItWaitsFor()
      throws Exception {
    HostileWeb.Sent drip = new HostileWeb.Sent();
    HostileWeb.Sent huge = new HostileWeb.Sent();
    HostileWeb.Sent endless = new HostileWeb.Sent();
    server.on("/bad/drip", HostileWeb.drip(1000, Duration.ofSeconds(1), drip));
    server.on("/bad/huge", HostileWeb.huge(200L << 20, true, huge));
    server.on("/bad/endless", HostileWeb.huge(200L << 20, false, endless));
    servePages(server, "/news/ok");
    server.page(
        "/feed.xml",
        "application/rss+xml",
        rss("/bad/drip", "/bad/huge", "/bad/endless", "/news/ok"));
    Outlet o = outlet("hostile-" + run, server.url("/feed.xml"), true);
    MonitorSettings settings = settings();

    AtomicReference<String> waiting = new AtomicReference<>();
    long start = System.nanoTime();
    try (KafkaRawSink kafka = new KafkaRawSink(TopicReader.props());
        Monitor m = new Monitor(settings, List.of(o), Output.of(kafka), null, loopbackResolver())) {
      m.start();
      while (waiting.get() == null && System.nanoTime() - start < 10_000_000_000L) {
        String w = m.status().get(0).waitingFor();
        if (w != null && w.contains("/bad/drip") && w.startsWith("fetching")) {
          waiting.set(w);
        }
        Thread.sleep(50);
      }
      assertThat(m.awaitPolls(1, Duration.ofMinutes(1))).isTrue();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    Map<String, String> reasons = reasons(server);
    assertThat(reasons.get("/bad/drip")).startsWith("timeout:").contains("total timeout");
    assertThat(reasons.get("/bad/huge")).startsWith("too_large:");
    assertThat(reasons.get("/bad/endless")).startsWith("too_large:");
    assertThat(MonitorIT.raw(o.name()))
        .extracting(RawArticle::getSource)
        .containsExactly(server.url("/news/ok"));
    // each fault held its worker at most its deadline plus 5 s: the drip ran 1,000 s otherwise
    assertThat(took).isLessThan(settings.fetch().totalTimeout().plusSeconds(5 + 10));
    huge.awaitFinished(Duration.ofSeconds(10));
    endless.awaitFinished(Duration.ofSeconds(10));
    assertThat(huge.cutOff()).isTrue();
    assertThat(endless.cutOff()).isTrue();
    assertThat(huge.bytes() + endless.bytes()).isLessThan(100L << 20);
    assertThat(waiting.get()).matches("fetching " + server.url("/bad/drip") + " for \\d+ s.*");
  }

  @Test
  void shouldFindANewStoryInAChildNewsSitemapWhoseIndexAnswers304() throws Exception {
    server.on(
        "/sitemap-index.xml",
        ex -> {
          if ("\"i1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
          }
          ex.getResponseHeaders().set("ETag", "\"i1\"");
          OutletServer.send(
              ex,
              200,
              "application/xml",
              ("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                      + "<sitemap><loc>"
                      + server.url("/news-sitemap.xml")
                      + "</loc></sitemap></sitemapindex>")
                  .getBytes(StandardCharsets.UTF_8));
        });
    AtomicReference<List<String>> stories = new AtomicReference<>(List.of("/news/s1"));
    server.on(
        "/news-sitemap.xml",
        ex -> {
          String map = newsSitemap(stories.get());
          String etag = "\"" + Integer.toHexString(map.hashCode()) + "\"";
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
          }
          ex.getResponseHeaders().set("ETag", etag);
          OutletServer.send(ex, 200, "application/xml", map.getBytes(StandardCharsets.UTF_8));
        });
    servePages(server, "/news/s1", "/news/s2", "/news/s3");
    Outlet o =
        new Outlet(
            "sitemaps-" + run,
            List.of(),
            List.of(server.url("/sitemap-index.xml")),
            List.of(),
            "en",
            Duration.ofSeconds(2),
            List.of(),
            List.of(),
            true);

    try (KafkaRawSink kafka = new KafkaRawSink(TopicReader.props());
        Monitor m =
            new Monitor(settings(), List.of(o), Output.of(kafka), null, loopbackResolver())) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofSeconds(30))).isTrue();
      stories.set(List.of("/news/s1", "/news/s2"));
      // found by the next poll of the child, one poll interval later
      assertThat(m.awaitPolls(3, Duration.ofSeconds(30))).isTrue();
    }
    assertThat(server.conditionalRequests).contains("/sitemap-index.xml");
    assertThat(MonitorIT.raw(o.name()))
        .extracting(RawArticle::getSource)
        .containsExactlyInAnyOrder(server.url("/news/s1"), server.url("/news/s2"));

    // and after a restart, with the index still unchanged
    stories.set(List.of("/news/s1", "/news/s2", "/news/s3"));
    try (KafkaRawSink kafka = new KafkaRawSink(TopicReader.props());
        Monitor m =
            new Monitor(settings(), List.of(o), Output.of(kafka), null, loopbackResolver())) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofSeconds(30))).isTrue();
    }
    assertThat(MonitorIT.raw(o.name()))
        .extracting(RawArticle::getSource)
        .containsExactlyInAnyOrder(
            server.url("/news/s1"), server.url("/news/s2"), server.url("/news/s3"));
  }

  @Test
  void shouldRetryArticlesAfterPassingFaultsAcrossRestartsAndGiveUpOnlyAfterBoundedPolls()
      throws Exception {
    // the article lives on a second host of the outlet whose robots.txt is down in the first run
    AtomicBoolean robotsDown = new AtomicBoolean(true);
    other.on(
        "/robots.txt",
        ex -> {
          if (robotsDown.get()) {
            ex.sendResponseHeaders(503, -1);
          } else {
            HostileWeb.text("User-agent: *\nAllow: /\n").handle(ex);
          }
        });
    other.page("/index/", "text/html", "<p>no links</p>");
    servePages(other, "/news/r1");
    server.on("/news/down", ex -> ex.sendResponseHeaders(503, -1));
    server.page(
        "/feed.xml",
        "application/rss+xml",
        "<rss version=\"2.0\"><channel><title>t</title>"
            + item(other.url("/news/r1"))
            + item(server.url("/news/down"))
            + "</channel></rss>");
    Outlet o =
        new Outlet(
            "transient-" + run,
            List.of(server.url("/feed.xml")),
            List.of(),
            List.of(other.url("/index/")),
            "en",
            Duration.ofHours(1),
            List.of(),
            List.of(),
            true);
    MonitorSettings settings = settings().withRetries(2, Duration.ZERO);

    runOnce(settings, o);
    assertThat(MonitorIT.raw(o.name())).isEmpty();
    assertThat(letters()).as("nothing dead-lettered after one failed poll").isEmpty();

    robotsDown.set(false);
    runOnce(settings, o);

    assertThat(MonitorIT.raw(o.name()))
        .extracting(RawArticle::getSource)
        .containsExactly(other.url("/news/r1"));
    assertThat(letters())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getSource()).isEqualTo(server.url("/news/down"));
              assertThat(d.getReason())
                  .startsWith("http_retryable: HTTP 503")
                  .contains("failed in 2 polls in a row");
            });
    assertThat(server.hits("/news/down")).isEqualTo(2 * settings.maxAttempts());
  }

  @Test
  void shouldReportANameThatDoesNotResolveAsDnsWithItsUrl() throws Exception {
    Outlet o = outlet("nowhere-" + run, "http://no-such-host.invalid/feed.xml", false);
    List<OutletStatus> status = runOnce(settings(), o);
    assertThat(status.get(0).lastError())
        .startsWith("dns http://no-such-host.invalid/feed.xml: host no-such-host.invalid");
  }

  // --- helpers

  List<OutletStatus> runOnce(MonitorSettings settings, Outlet... outlets) throws Exception {
    try (KafkaRawSink kafka = new KafkaRawSink(TopicReader.props());
        Monitor m =
            new Monitor(settings, List.of(outlets), Output.of(kafka), null, loopbackResolver())) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofMinutes(1))).isTrue();
      return m.status();
    }
  }

  /** Names under .invalid do not resolve; every other name is this machine. */
  static AddressGuard.Resolver loopbackResolver() {
    return host -> {
      if (host.endsWith(".invalid")) {
        throw new UnknownHostException(host + ": Name or service not known");
      }
      return InetAddress.getAllByName(host);
    };
  }

  MonitorSettings settings() {
    FetchSettings fetch =
        new FetchSettings(
            MonitorIT.UA,
            Duration.ofSeconds(2),
            Duration.ofSeconds(30),
            Duration.ofSeconds(3),
            1 << 20,
            3,
            Duration.ofHours(1),
            32);
    return new MonitorSettings(
        fetch,
        state,
        8,
        2,
        Duration.ZERO,
        Duration.ofSeconds(5),
        1,
        Duration.ofSeconds(2),
        100,
        Duration.ZERO,
        Duration.ofSeconds(1),
        SeenStore.DEFAULT_RETENTION,
        1,
        Duration.ZERO,
        true);
  }

  static Outlet outlet(String name, String feed, boolean allowPrivate) {
    return new Outlet(
        name,
        List.of(feed),
        List.of(),
        List.of(),
        "en",
        Duration.ofHours(1),
        List.of(),
        List.of(),
        allowPrivate);
  }

  static void servePages(OutletServer s, String... paths) {
    for (String p : paths) {
      s.page(p, "text/html; charset=utf-8", MonitorIT.article(p, ""));
    }
  }

  String rss(String... paths) {
    List<String> items = new ArrayList<>();
    for (String p : paths) {
      items.add(item(server.url(p)));
    }
    return "<rss version=\"2.0\"><channel><title>t</title>"
        + String.join("", items)
        + "</channel></rss>";
  }

  static String item(String link) {
    return "<item><title>x</title><link>" + link + "</link></item>";
  }

  String newsSitemap(List<String> paths) {
    return "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
        + paths.stream()
            .map(
                p ->
                    "<url><loc>"
                        + server.url(p)
                        + "</loc><news:news><news:publication><news:name>D</news:name>"
                        + "<news:language>en</news:language></news:publication>"
                        + "<news:publication_date>2026-03-02T09:00:00Z</news:publication_date>"
                        + "<news:title>t</news:title></news:news></url>")
            .collect(Collectors.joining())
        + "</urlset>";
  }

  /** Dead-letter reasons of articles on {@code s}, by path. */
  static Map<String, String> reasons(OutletServer s) {
    return TopicReader.readAll(Topics.DLQ).stream()
        .filter(d -> d.getSource() != null && d.getSource().startsWith(s.base() + "/"))
        .collect(
            Collectors.toMap(
                d -> d.getSource().substring(s.base().length()),
                DeadLetter::getReason,
                (a, b) -> a + " | " + b));
  }

  List<DeadLetter> letters() {
    return TopicReader.readAll(Topics.DLQ).stream()
        .filter(
            d ->
                d.getSource() != null
                    && (d.getSource().startsWith(server.base() + "/")
                        || d.getSource().startsWith(other.base() + "/")))
        .toList();
  }
}
