package io.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetcherTest {
  static final String UA = "newsflow/test (+https://example.org/contact)";
  final OutletServer server = newServer();
  final FetchSettings settings =
      new FetchSettings(
          UA,
          Duration.ofSeconds(2),
          Duration.ofMillis(500),
          Duration.ofSeconds(3),
          64 * 1024,
          3,
          Duration.ofHours(1),
          16);
  final Fetcher fetcher = new Fetcher(settings);

  static OutletServer newServer() {
    try {
      return new OutletServer();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    fetcher.close();
    server.close();
  }

  @Test
  void shouldSendHonestUserAgentAndReturnBodyWithDeclaredCharset() {
    server.page("/a", "text/html; charset=utf-8", "<p>héllo</p>");
    FetchResult r = fetcher.fetch(server.url("/a"), Validators.NONE, true);
    assertThat(r.ok()).isTrue();
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>héllo</p>");
    assertThat(r.contentType()).isEqualTo("text/html");
    assertThat(r.declaredCharset()).isEqualTo("utf-8");
    assertThat(server.userAgents).contains(UA);
  }

  @Test
  void shouldAnswerNotModifiedWhenValidatorsMatch() {
    server.on(
        "/feed",
        ex -> {
          if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
          } else {
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            OutletServer.send(
                ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
          }
        });
    FetchResult first = fetcher.fetch(server.url("/feed"), Validators.NONE, true);
    FetchResult second =
        fetcher.fetch(
            server.url("/feed"), new Validators(first.etag(), first.lastModified()), true);
    assertThat(first.etag()).isEqualTo("\"v1\"");
    assertThat(second.notModified()).isTrue();
  }

  @Test
  void shouldRefuseLoopbackAndPrivateAddressesUnlessAllowed() {
    server.page("/a", "text/html", "<p>internal</p>");
    assertThat(fetcher.fetch(server.url("/a"), Validators.NONE, false).fault())
        .isEqualTo(Fault.BLOCKED_ADDRESS);
    assertThat(
            fetcher
                .fetch("http://localhost:" + server.port() + "/a", Validators.NONE, false)
                .fault())
        .isEqualTo(Fault.BLOCKED_ADDRESS);
    assertThat(
            fetcher
                .fetch("http://169.254.169.254/latest/meta-data/", Validators.NONE, false)
                .fault())
        .isEqualTo(Fault.BLOCKED_ADDRESS);
  }

  @Test
  void shouldRefuseRedirectToPrivateAddressFromAllowedHost() throws Exception {
    // a public-looking name that the resolver maps to loopback: the guard sees the address, not the
    // name
    try (Fetcher viaName =
        new Fetcher(
            settings,
            host -> new java.net.InetAddress[] {java.net.InetAddress.getLoopbackAddress()})) {
      server.page("/a", "text/html", "<p>x</p>");
      FetchResult r =
          viaName.fetch("http://news.example:" + server.port() + "/a", Validators.NONE, false);
      assertThat(r.fault()).isEqualTo(Fault.BLOCKED_ADDRESS);
      assertThat(r.reason()).contains("non-public");
    }
  }

  @Test
  void shouldStopRedirectLoopsAndLongChains() {
    server.on("/loop1", ex -> redirect(ex, "/loop2"));
    server.on("/loop2", ex -> redirect(ex, "/loop1"));
    for (int i = 0; i < 10; i++) {
      int next = i + 1;
      server.on("/chain" + i, ex -> redirect(ex, "/chain" + next));
    }
    FetchResult loop = fetcher.fetch(server.url("/loop1"), Validators.NONE, true);
    FetchResult chain = fetcher.fetch(server.url("/chain0"), Validators.NONE, true);
    assertThat(loop.fault()).isEqualTo(Fault.REDIRECTS);
    assertThat(loop.reason()).contains("loop");
    assertThat(chain.fault()).isEqualTo(Fault.REDIRECTS);
    assertThat(chain.reason()).contains("more than 3 redirects");
  }

  @Test
  void shouldFollowRedirectsWithinTheLimit() {
    server.on("/old", ex -> redirect(ex, "/new"));
    server.page("/new", "text/html", "<p>moved</p>");
    FetchResult r = fetcher.fetch(server.url("/old"), Validators.NONE, true);
    assertThat(r.ok()).isTrue();
    assertThat(r.url()).isEqualTo(server.url("/new"));
  }

  @Test
  void shouldRefuseBodiesOverTheCapDeclaredOrStreamed() {
    server.page("/big", "text/html", new byte[100 * 1024]);
    server.on(
        "/chunked",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write(new byte[1024]);
            }
          }
        });
    assertThat(fetcher.fetch(server.url("/big"), Validators.NONE, true).fault())
        .isEqualTo(Fault.TOO_LARGE);
    assertThat(fetcher.fetch(server.url("/chunked"), Validators.NONE, true).fault())
        .isEqualTo(Fault.TOO_LARGE);
  }

  @Test
  void shouldInflateGzipAndRefuseGzipBombs() throws Exception {
    byte[] small = OutletServer.gzip("<p>zipped</p>".getBytes(StandardCharsets.UTF_8));
    byte[] bomb = OutletServer.gzip(new byte[10 * 1024 * 1024]);
    server.on(
        "/gz",
        ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          OutletServer.send(ex, 200, "text/html", small);
        });
    server.on(
        "/bomb",
        ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          OutletServer.send(ex, 200, "text/html", bomb);
        });
    assertThat(
            new String(
                fetcher.fetch(server.url("/gz"), Validators.NONE, true).body(),
                StandardCharsets.UTF_8))
        .isEqualTo("<p>zipped</p>");
    assertThat(bomb.length).isLessThan((int) settings.maxBytes());
    FetchResult r = fetcher.fetch(server.url("/bomb"), Validators.NONE, true);
    assertThat(r.fault()).isEqualTo(Fault.GZIP_BOMB);
  }

  @Test
  void shouldReportTruncatedBodies() {
    server.on(
        "/cut",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 5000);
          OutputStream out = ex.getResponseBody();
          out.write(new byte[100]);
          out.flush();
          throw new java.io.IOException("server hangs up mid-body");
        });
    assertThat(fetcher.fetch(server.url("/cut"), Validators.NONE, true).fault())
        .isEqualTo(Fault.TRUNCATED);
  }

  @Test
  void shouldTimeOutOnSilentServers() {
    server.on("/slow", ex -> sleep(2000));
    FetchResult r = fetcher.fetch(server.url("/slow"), Validators.NONE, true);
    assertThat(r.fault()).isEqualTo(Fault.TIMEOUT);
    assertThat(r.fault().retriable()).isTrue();
  }

  @Test
  void shouldReportRetryAfterOnTooManyRequests() {
    server.on(
        "/busy",
        ex -> {
          ex.getResponseHeaders().set("Retry-After", "7");
          ex.sendResponseHeaders(429, -1);
        });
    FetchResult r = fetcher.fetch(server.url("/busy"), Validators.NONE, true);
    assertThat(r.fault()).isEqualTo(Fault.HTTP_RETRYABLE);
    assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void shouldReadRetryAfterAsSecondsOrHttpDate() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(Fetcher.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
    assertThat(Fetcher.retryAfter("Thu, 01 Jan 2026 00:01:00 GMT", now))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(Fetcher.retryAfter("soon", now)).isNull();
  }

  @Test
  void shouldReportTlsFailures() throws Exception {
    // a server that answers a TLS handshake with plain HTTP
    try (java.net.ServerSocket plain =
        new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                try (java.net.Socket s = plain.accept()) {
                  s.getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                              .getBytes(StandardCharsets.US_ASCII));
                  s.getOutputStream().flush();
                  sleep(200);
                } catch (java.io.IOException ignored) {
                  // the client hung up
                }
              });
      t.setDaemon(true);
      t.start();
      FetchResult r =
          fetcher.fetch("https://127.0.0.1:" + plain.getLocalPort() + "/a", Validators.NONE, true);
      assertThat(r.fault()).isEqualTo(Fault.TLS);
    }
  }

  @Test
  void shouldRefuseNonHttpSchemes() {
    assertThat(fetcher.fetch("file:///etc/passwd", Validators.NONE, true).fault())
        .isEqualTo(Fault.BAD_URL);
  }

  @Test
  void shouldHonourRobotsDisallowAndCrawlDelay() {
    server.page(
        "/robots.txt", "text/plain", "User-agent: newsflow\nDisallow: /private/\nCrawl-delay: 3\n");
    RobotsCache robots = new RobotsCache(fetcher);
    RobotsCache.Decision blocked = robots.check(server.url("/private/a"), true);
    RobotsCache.Decision open = robots.check(server.url("/news/a"), true);
    assertThat(blocked.allowed()).isFalse();
    assertThat(open.allowed()).isTrue();
    assertThat(open.crawlDelay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(server.hits("/robots.txt")).isEqualTo(1);
  }

  @Test
  void shouldNotFollowARedirectIntoWhatRobotsTxtDisallows() {
    server.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
    server.on("/open", ex -> redirect(ex, "/private/page"));
    server.page("/private/page", "text/html", "<p>secret</p>");
    RobotsCache robots = new RobotsCache(fetcher);
    FetchResult r =
        fetcher.fetch(
            server.url("/open"), Validators.NONE, true, u -> robots.check(u, true).allowed());
    assertThat(r.fault()).isEqualTo(Fault.ROBOTS_DISALLOWED);
    assertThat(server.hits("/private/page")).isZero();
  }

  @Test
  void shouldAllowEverythingWithoutRobotsTxtAndNothingWhenItFails() {
    RobotsCache robots = new RobotsCache(fetcher);
    assertThat(robots.check(server.url("/a"), true).allowed()).isTrue();
    server.on("/robots.txt", ex -> ex.sendResponseHeaders(503, -1));
    RobotsCache fresh = new RobotsCache(fetcher);
    assertThat(fresh.check(server.url("/a"), true).allowed()).isFalse();
  }

  static void redirect(com.sun.net.httpserver.HttpExchange ex, String to)
      throws java.io.IOException {
    ex.getResponseHeaders().set("Location", to);
    ex.sendResponseHeaders(302, -1);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
