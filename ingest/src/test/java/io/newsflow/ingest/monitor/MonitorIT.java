package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.KafkaRawSink;
import io.newsflow.ingest.fetch.AddressGuard;
import io.newsflow.ingest.fetch.FetchSettings;
import io.newsflow.ingest.fetch.OutletServer;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.Via;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor against a local server playing outlets, asserting on what reaches news.raw and
 * news.dlq.
 */
class MonitorIT {
  static final String UA = "newsflow/it (+https://example.org/newsflow-contact)";
  static final String BOILERPLATE_HEAD =
      "<html><head><title>%s</title>%s</head><body><nav>Home | World | Sport</nav><article><h1>%s</h1>";
  static final String BOILERPLATE_TAIL =
      "</article><footer>© Outlet. Subscribe to our newsletter.</footer></body></html>";

  @TempDir Path state;
  final OutletServer server = newServer();
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final List<MonitorListener.Takedown> takedowns = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void topics() {
    TopicReader.ensureTopics();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldProduceEachArticleOnceAcrossRestartsAndANewVersionWhenItsFeedSaysItChanged()
      throws Exception {
    String outlet = "daily-" + run;
    servePages();
    serveFeed("Mon, 02 Mar 2026 10:00:00 GMT", null, "\"v1\"");
    server.page(
        "/sitemap.xml",
        "application/xml",
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<sitemap><loc>"
            + server.url("/news-sitemap.xml.gz")
            + "</loc></sitemap></sitemapindex>");
    server.page(
        "/news-sitemap.xml.gz",
        "application/x-gzip",
        OutletServer.gzip(
            ("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                    + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"><url><loc>"
                    + server.url("/news/c")
                    + "</loc><news:news>"
                    + "<news:publication><news:name>D</news:name><news:language>en</news:language></news:publication>"
                    + "<news:publication_date>2026-03-02T09:00:00Z</news:publication_date><news:title>C</news:title></news:news></url></urlset>")
                .getBytes(StandardCharsets.UTF_8)));
    server.page(
        "/world/",
        "text/html",
        "<a href=\"/news/e\">E</a> <a href=\"/news/a\">A again</a> <a href=\"https://elsewhere.example/x\">x</a>");
    Outlet o =
        outlet(
            outlet,
            List.of(server.url("/feed.xml")),
            List.of(server.url("/sitemap.xml")),
            List.of(server.url("/world/")),
            true);

    runOnce(o);
    List<RawArticle> first = raw(outlet);
    assertThat(first)
        .extracting(a -> a.getSource())
        .containsExactlyInAnyOrder(
            server.url("/news/a"),
            server.url("/news/b"),
            server.url("/news/c"),
            server.url("/news/e"));
    assertThat(first)
        .allSatisfy(
            a -> {
              assertThat(a.getId()).isEqualTo(ArticleIds.forUrl(a.getSource()));
              assertThat(a.getVersion()).isEqualTo(1);
              assertThat(a.getContentType()).isEqualTo("text/html");
              assertThat(a.getLanguage()).as("the outlet's language hint").isEqualTo("en");
            });
    assertThat(byUrl(first, "/news/c").getVia()).isEqualTo(Via.SITEMAP);
    assertThat(byUrl(first, "/news/e").getVia()).isEqualTo(Via.PAGE);
    assertThat(server.userAgents).allMatch(ua -> ua.equals(UA));

    runOnce(o);
    assertThat(raw(outlet)).as("unchanged pages after a restart").hasSize(4);
    assertThat(server.conditionalRequests).contains("/feed.xml");
    assertThat(server.hits("/news/a")).isEqualTo(1);

    // the feed now dates both after we fetched them: a real change, not the date of our copy
    String later =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(1));
    serveFeed(later, later, "\"v2\"");
    server.on("/news/b", ex -> ex.sendResponseHeaders(410, -1));
    runOnce(o);
    List<RawArticle> third = raw(outlet);
    assertThat(third).hasSize(5);
    RawArticle updated = third.stream().filter(a -> a.getVersion() == 2).findFirst().orElseThrow();
    assertThat(updated.getId()).isEqualTo(ArticleIds.forUrl(server.url("/news/a")));
    assertThat(takedowns)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.url()).isEqualTo(server.url("/news/b"));
              assertThat(t.status()).isEqualTo(410);
            });
    assertThat(dead(ArticleIds.forUrl(server.url("/news/b"))))
        .singleElement()
        .satisfies(d -> assertThat(d.getReason()).startsWith("taken_down: HTTP 410"));
  }

  @Test
  void shouldDeadLetterEachLostArticleWithItsReasonAndKeepOtherOutletsGoing() throws Exception {
    server.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /bad/private\n");
    servePages();
    serveBadPages();
    String items =
        List.of(
                "/bad/slow",
                "/bad/503",
                "/bad/loop",
                "/bad/cut",
                "/bad/big",
                "/bad/bomb",
                "/bad/png",
                "/bad/missing",
                "/bad/private",
                "/bad/latin1",
                "/bad/flaky")
            .stream()
            .map(p -> "<item><title>x</title><link>" + server.url(p) + "</link></item>")
            .collect(Collectors.joining());
    server.page(
        "/bad-feed.xml",
        "application/rss+xml",
        "<rss version=\"2.0\"><channel><title>bad</title>" + items + "</channel></rss>");
    server.page(
        "/malformed.xml",
        "application/rss+xml",
        "<rss version=\"2.0\"><channel><item><link>" + server.url("/news/a") + "</item>");
    server.page(
        "/xxe.xml",
        "application/rss+xml",
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<rss version=\"2.0\"><channel><title>&x;</title><item><link>"
            + server.url("/news/a")
            + "</link></item></channel></rss>");
    serveFeed(null, null, "\"g\"");
    List<Outlet> outlets =
        List.of(
            outlet("bad-" + run, List.of(server.url("/bad-feed.xml")), List.of(), List.of(), true),
            outlet(
                "malformed-" + run,
                List.of(server.url("/malformed.xml")),
                List.of(),
                List.of(),
                true),
            outlet("xxe-" + run, List.of(server.url("/xxe.xml")), List.of(), List.of(), true),
            outlet("guarded-" + run, List.of(server.url("/feed.xml")), List.of(), List.of(), false),
            outlet("good-" + run, List.of(server.url("/feed.xml")), List.of(), List.of(), true));

    Map<String, Long> faults;
    List<OutletStatus> status;
    try (KafkaRawSink kafka = new KafkaRawSink(TopicReader.props());
        Monitor m =
            new Monitor(
                settings(), outlets, Output.of(kafka), null, AddressGuard.systemResolver())) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofMinutes(2))).isTrue();
      faults = m.faultCounts();
      status = m.status();
    }

    Map<String, String> reasons =
        TopicReader.readAll(Topics.DLQ).stream()
            .filter(
                d ->
                    d.getSource() != null
                        && d.getSource().contains("/bad/")
                        && d.getSource().startsWith(server.base()))
            .collect(
                Collectors.toMap(
                    d -> d.getSource().substring(server.base().length()), DeadLetter::getReason));
    assertThat(reasons).hasSize(9);
    assertThat(reasons.get("/bad/slow")).startsWith("timeout:").contains("after 2 attempts");
    assertThat(reasons.get("/bad/503")).startsWith("http_retryable: HTTP 503");
    assertThat(reasons.get("/bad/loop")).startsWith("redirects: redirect loop");
    assertThat(reasons.get("/bad/cut")).startsWith("truncated:");
    assertThat(reasons.get("/bad/big")).startsWith("too_large:");
    assertThat(reasons.get("/bad/bomb")).startsWith("gzip_bomb:");
    assertThat(reasons.get("/bad/png")).startsWith("binary_content: body is binary (image/png)");
    assertThat(reasons.get("/bad/missing")).startsWith("gone: HTTP 404");
    assertThat(reasons.get("/bad/private")).startsWith("robots_disallowed:");

    List<RawArticle> bad = raw("bad-" + run);
    assertThat(bad)
        .extracting(RawArticle::getSource)
        .containsExactlyInAnyOrder(server.url("/bad/latin1"), server.url("/bad/flaky"));
    assertThat(byUrl(bad, "/bad/latin1").getCharset()).isEqualTo("windows-1252");
    assertThat(raw("good-" + run)).hasSize(2);
    assertThat(raw("malformed-" + run)).isEmpty();
    assertThat(raw("xxe-" + run)).isEmpty();
    assertThat(raw("guarded-" + run)).isEmpty();
    assertThat(faults).containsKeys("malformed_xml", "blocked_address");
    assertThat(status)
        .filteredOn(s -> s.outlet().equals("good-" + run))
        .singleElement()
        .satisfies(s -> assertThat(s.errors()).isZero());
    assertThat(status)
        .filteredOn(s -> s.outlet().equals("guarded-" + run))
        .singleElement()
        .satisfies(s -> assertThat(s.lastError()).startsWith("blocked_address"));
  }

  // --- the outlets the server plays

  void servePages() {
    for (String p : List.of("a", "b", "c", "e")) {
      server.page(
          "/news/" + p,
          "text/html; charset=utf-8",
          article(p, "<link rel=\"canonical\" href=\"/news/" + p + "\">"));
    }
    // an AMP copy of /news/a whose canonical is /news/a: the same article, never a second record
    server.page(
        "/news/a-amp",
        "text/html",
        article("a", "<link rel=\"canonical\" href=\"" + server.url("/news/a") + "\">"));
  }

  void serveFeed(String dateA, String dateB, String etag) {
    String a =
        "<item><title>A</title><link>"
            + server.url("/news/a?utm_source=rss&amp;utm_medium=feed")
            + "</link>"
            + (dateA == null ? "" : "<pubDate>" + dateA + "</pubDate>")
            + "</item>";
    String b =
        "<item><title>B</title><link>"
            + server.url("/news/b#comments")
            + "</link>"
            + (dateB == null ? "" : "<pubDate>" + dateB + "</pubDate>")
            + "</item>";
    String amp =
        "<item><title>A (AMP)</title><link>"
            + server.url("/news/a-amp?fbclid=xyz")
            + "</link></item>";
    byte[] rss =
        ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Daily</title>"
                + a
                + b
                + amp
                + "</channel></rss>")
            .getBytes(StandardCharsets.UTF_8);
    server.on(
        "/feed.xml",
        ex -> {
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
          }
          ex.getResponseHeaders().set("ETag", etag);
          OutletServer.send(ex, 200, "application/rss+xml", rss);
        });
  }

  void serveBadPages() throws Exception {
    server.on("/bad/slow", ex -> sleep(1500));
    server.on(
        "/bad/503",
        ex -> {
          ex.getResponseHeaders().set("Retry-After", "0");
          ex.sendResponseHeaders(503, -1);
        });
    server.on(
        "/bad/loop",
        ex -> {
          ex.getResponseHeaders().set("Location", "/bad/loop?again");
          ex.sendResponseHeaders(301, -1);
        });
    server.on(
        "/bad/loop?again",
        ex -> {
          ex.getResponseHeaders().set("Location", "/bad/loop");
          ex.sendResponseHeaders(301, -1);
        });
    server.on(
        "/bad/cut",
        ex -> {
          ex.sendResponseHeaders(200, 10_000);
          ex.getResponseBody()
              .write(article("cut", "").substring(0, 100).getBytes(StandardCharsets.UTF_8));
          ex.getResponseBody().flush();
          throw new java.io.IOException("hang up mid-body");
        });
    server.page("/bad/big", "text/html", ("<p>" + "word ".repeat(100_000) + "</p>"));
    byte[] bomb = OutletServer.gzip(new byte[8 << 20]);
    server.on(
        "/bad/bomb",
        ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          OutletServer.send(ex, 200, "text/html", bomb);
        });
    byte[] png = new byte[2048];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, png, 0, 8);
    server.page("/bad/png", "text/html; charset=utf-8", png);
    server.page("/bad/private", "text/html", article("private", ""));
    server.page(
        "/bad/latin1",
        "text/html; charset=utf-8",
        article("Le président a déclaré que la réunion était reportée à l'été", "")
            .getBytes(Charset.forName("windows-1252")));
    java.util.concurrent.atomic.AtomicInteger flaky =
        new java.util.concurrent.atomic.AtomicInteger();
    server.on(
        "/bad/flaky",
        ex -> {
          if (flaky.getAndIncrement() == 0) {
            ex.getResponseHeaders().set("Retry-After", "1");
            ex.sendResponseHeaders(429, -1);
          } else {
            OutletServer.send(
                ex, 200, "text/html", article("flaky", "").getBytes(StandardCharsets.UTF_8));
          }
        });
  }

  static String article(String title, String head) {
    return String.format(BOILERPLATE_HEAD, title, head, title)
        + "<p>The council voted on Monday to approve the new budget, after weeks of debate over spending on schools "
        + "and roads. The mayor said the decision was a compromise that few liked but most could accept.</p>"
        + BOILERPLATE_TAIL;
  }

  // --- helpers

  void runOnce(Outlet o) throws Exception {
    MonitorListener listener =
        new MonitorListener() {
          @Override
          public void takenDown(Takedown t) {
            takedowns.add(t);
          }
        };
    try (KafkaRawSink kafka = new KafkaRawSink(TopicReader.props());
        Monitor m =
            new Monitor(
                settings(),
                List.of(o),
                Output.of(kafka),
                listener,
                AddressGuard.systemResolver())) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofMinutes(2))).isTrue();
    }
  }

  MonitorSettings settings() {
    FetchSettings fetch =
        new FetchSettings(
            UA,
            Duration.ofSeconds(2),
            Duration.ofMillis(300),
            Duration.ofSeconds(2),
            256 * 1024,
            3,
            Duration.ofHours(1),
            32);
    return new MonitorSettings(
        fetch,
        state,
        8,
        4,
        Duration.ZERO,
        Duration.ofSeconds(1),
        2,
        Duration.ofSeconds(2),
        100,
        Duration.ZERO,
        Duration.ofSeconds(1),
        SeenStore.DEFAULT_RETENTION,
        // lost articles are dead-lettered at the end of the poll (retries across polls and
        // restarts: HostileWebIT)
        1,
        Duration.ZERO,
        true);
  }

  static Outlet outlet(
      String name,
      List<String> feeds,
      List<String> sitemaps,
      List<String> pages,
      boolean allowPrivate) {
    return new Outlet(
        name,
        feeds,
        sitemaps,
        pages,
        "en",
        Duration.ofHours(1),
        List.of(),
        List.of(Pattern.compile("/nothing-here/")),
        allowPrivate);
  }

  static List<RawArticle> raw(String outlet) {
    return TopicReader.readAll(Topics.RAW).stream()
        .filter(a -> outlet.equals(a.getOutlet()))
        .toList();
  }

  static List<DeadLetter> dead(String id) {
    return TopicReader.readAll(Topics.DLQ).stream()
        .filter(d -> id.equals(d.getArticleId()))
        .toList();
  }

  RawArticle byUrl(List<RawArticle> articles, String path) {
    return articles.stream()
        .filter(a -> a.getSource().equals(server.url(path)))
        .findFirst()
        .orElseThrow();
  }

  static OutletServer newServer() {
    try {
      return new OutletServer();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
