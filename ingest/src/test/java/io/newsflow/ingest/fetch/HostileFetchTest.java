package io.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher and robots.txt against the hostile web: servers that drip, oversized bodies, hosts an
 * outlet may not reach, robots.txt that cannot be read. Time limits here are generous bounds on
 * behaviour (a worker is released near its deadline), not speed targets.
 */
class HostileFetchTest {
  static final String UA = "newsflow/test (+https://example.org/contact)";
  static final long CAP = 256 * 1024;
  final OutletServer server = FetcherTest.newServer();
  final OutletServer second = FetcherTest.newServer();
  // a read timeout far above the drip interval: only the total deadline can stop a drip
  final FetchSettings settings =
      new FetchSettings(
          UA,
          Duration.ofSeconds(2),
          Duration.ofSeconds(30),
          Duration.ofSeconds(2),
          CAP,
          3,
          Duration.ofHours(1),
          16);
  final Fetcher fetcher = new Fetcher(settings);

  @AfterEach
  void stop() throws Exception {
    fetcher.close();
    server.close();
    second.close();
  }

  @Test
  void shouldAbortABodyDrippedPastTheTotalDeadlineInsteadOfDrainingIt() {
    HostileWeb.Sent sent = new HostileWeb.Sent();
    server.on("/drip", HostileWeb.drip(100, Duration.ofSeconds(1), sent));

    long start = System.nanoTime();
    FetchResult r = fetcher.fetch(server.url("/drip"), Validators.NONE, true);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(r.fault()).isEqualTo(Fault.TIMEOUT);
    assertThat(r.reason()).contains("total timeout");
    assertThat(took).isLessThan(settings.totalTimeout().plusSeconds(5));
    assertThat(sent.bytes()).as("bytes dripped before the abort").isLessThan(10);
  }

  @Test
  void shouldRefuseADeclaredOversizedBodyWithoutReadingIt() throws Exception {
    HostileWeb.Sent sent = new HostileWeb.Sent();
    long body = 200L * 1024 * 1024;
    server.on("/huge", HostileWeb.huge(body, true, sent));

    long start = System.nanoTime();
    FetchResult r = fetcher.fetch(server.url("/huge"), Validators.NONE, true);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(r.fault()).isEqualTo(Fault.TOO_LARGE);
    assertThat(r.reason()).contains("Content-Length " + body);
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    awaitFinished(sent);
    assertThat(sent.cutOff()).as("the connection was aborted, not drained").isTrue();
    // what the server got out is what the socket buffers took, far below the body
    assertThat(sent.bytes()).isLessThan(body / 4);
  }

  @Test
  void shouldStopAStreamedBodyAtTheCapAndAbortTheConnection() throws Exception {
    HostileWeb.Sent sent = new HostileWeb.Sent();
    long body = 200L * 1024 * 1024;
    server.on("/endless", HostileWeb.huge(body, false, sent));

    FetchResult r = fetcher.fetch(server.url("/endless"), Validators.NONE, true);

    assertThat(r.fault()).isEqualTo(Fault.TOO_LARGE);
    awaitFinished(sent);
    assertThat(sent.cutOff()).isTrue();
    assertThat(sent.bytes()).isLessThan(body / 4);
  }

  @Test
  void shouldKeepTheConnectionUsableAfterSmallErrorBodies() {
    server.on("/gone", ex -> OutletServer.send(ex, 404, "text/html", "<p>not here</p>".getBytes()));
    server.page("/a", "text/html", "<p>a</p>");
    assertThat(fetcher.fetch(server.url("/gone"), Validators.NONE, true).fault())
        .isEqualTo(Fault.GONE);
    assertThat(fetcher.fetch(server.url("/a"), Validators.NONE, true).ok()).isTrue();
  }

  @Test
  void shouldNeverReachLinkLocalOrMetadataAddressesEvenWhenPrivateOnesAreAllowed()
      throws Exception {
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://[::ffff:169.254.169.254]/",
            "http://100.100.100.200/latest/meta-data/")) {
      FetchResult r = fetcher.fetch(url, Validators.NONE, true);
      assertThat(r.fault()).as(url).isEqualTo(Fault.BLOCKED_ADDRESS);
      assertThat(r.reason()).as(url).contains("never fetched");
    }
    // a name of the outlet's own that resolves to the metadata address
    try (Fetcher viaName =
        new Fetcher(
            settings, host -> new InetAddress[] {InetAddress.getByName("169.254.169.254")})) {
      FetchResult r = viaName.fetch("http://intranet.example/feed.xml", Validators.NONE, true);
      assertThat(r.fault()).isEqualTo(Fault.BLOCKED_ADDRESS);
      assertThat(r.reason()).contains("link-local");
    }
  }

  @Test
  void shouldReachPrivateAddressesOnlyOnTheOutletsOwnHostsAndPorts() {
    server.page("/a", "text/html", "<p>own</p>");
    second.page("/b", "text/html", "<p>internal service</p>");
    server.on(
        "/jump",
        ex -> {
          ex.getResponseHeaders().set("Location", second.url("/b"));
          ex.sendResponseHeaders(302, -1);
        });
    PrivateHosts own = PrivateHosts.of(List.of(server.url("/feed.xml")));

    assertThat(fetcher.fetch(server.url("/a"), Validators.NONE, own, t -> null).ok()).isTrue();
    FetchResult other = fetcher.fetch(second.url("/b"), Validators.NONE, own, t -> null);
    FetchResult jump = fetcher.fetch(server.url("/jump"), Validators.NONE, own, t -> null);

    assertThat(other.fault()).isEqualTo(Fault.BLOCKED_ADDRESS);
    assertThat(jump.fault()).isEqualTo(Fault.BLOCKED_ADDRESS);
    assertThat(second.hits("/b")).isZero();
  }

  @Test
  void shouldReportANameThatDoesNotResolveAsSuch() throws Exception {
    try (Fetcher nowhere =
        new Fetcher(
            settings,
            host -> {
              throw new UnknownHostException(host + ": Name or service not known");
            })) {
      FetchResult r = nowhere.fetch("http://no-such-host.example/feed.xml", Validators.NONE, false);
      assertThat(r.fault()).isEqualTo(Fault.DNS);
      assertThat(r.reason()).contains("no-such-host.example does not resolve");
      RobotsCache.Decision d =
          new RobotsCache(nowhere).check("http://no-such-host.example/a", PrivateHosts.NONE);
      assertThat(d.allowed()).isFalse();
      assertThat(d.fault()).isEqualTo(Fault.DNS);
      assertThat(d.reason()).doesNotContain("robots.txt");
    }
  }

  @Test
  void shouldNotLetARefusedRobotsFetchDecideForAnOutletAllowedToReachTheHost() {
    server.page(
        "/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n");
    RobotsCache robots = new RobotsCache(fetcher);
    String page = server.url("/private/page");

    RobotsCache.Decision refused = robots.check(page, PrivateHosts.NONE);
    RobotsCache.Decision allowedOutlet = robots.check(page, PrivateHosts.of(List.of(page)));

    assertThat(refused.fault()).isEqualTo(Fault.BLOCKED_ADDRESS);
    assertThat(allowedOutlet.allowed()).isFalse();
    assertThat(allowedOutlet.fault()).isEqualTo(Fault.ROBOTS_DISALLOWED);
    assertThat(allowedOutlet.crawlDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(server.hits("/robots.txt")).isEqualTo(1);
  }

  @Test
  void shouldTreatAnUnreadableRobotsTxtAsTryLaterAndNotCacheIt() {
    server.on(
        "/robots.txt",
        HostileWeb.failing(503, 1, HostileWeb.text("User-agent: *\nDisallow: /private/\n")));
    RobotsCache robots = new RobotsCache(fetcher, Duration.ZERO);

    RobotsCache.Decision first = robots.check(server.url("/news/a"), true);
    RobotsCache.Decision second = robots.check(server.url("/news/a"), true);
    RobotsCache.Decision third = robots.check(server.url("/private/b"), true);

    assertThat(first.allowed()).isFalse();
    assertThat(first.fault()).isEqualTo(Fault.ROBOTS_UNAVAILABLE);
    assertThat(first.fault().retriable()).isTrue();
    assertThat(first.reason()).contains(server.url("/robots.txt")).contains("HTTP 503");
    assertThat(second.allowed()).isTrue();
    assertThat(third.fault()).isEqualTo(Fault.ROBOTS_DISALLOWED);
    assertThat(server.hits("/robots.txt")).isEqualTo(2);
  }

  @Test
  void shouldKeepTheLastRobotsTxtReadWhileItsRefreshFails() throws Exception {
    server.on(
        "/robots.txt",
        new OutletServer.Handler() {
          int n;

          @Override
          public void handle(com.sun.net.httpserver.HttpExchange ex) throws java.io.IOException {
            if (n++ == 0) {
              HostileWeb.text("User-agent: *\nDisallow: /private/\n").handle(ex);
            } else {
              ex.sendResponseHeaders(503, -1);
            }
          }
        });
    FetchSettings shortTtl =
        new FetchSettings(
            UA,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            CAP,
            3,
            Duration.ofMillis(1),
            16);
    try (Fetcher f = new Fetcher(shortTtl)) {
      RobotsCache robots = new RobotsCache(f, Duration.ZERO);
      assertThat(robots.check(server.url("/private/a"), true).allowed()).isFalse();
      Thread.sleep(5);
      RobotsCache.Decision stale = robots.check(server.url("/private/a"), true);
      RobotsCache.Decision open = robots.check(server.url("/news/a"), true);
      assertThat(stale.fault()).isEqualTo(Fault.ROBOTS_DISALLOWED);
      assertThat(open.allowed()).isTrue();
      assertThat(server.hits("/robots.txt")).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void shouldKnowLoopbackNamesAndIpLiteralsOfOneMachineAsOne() {
    for (String host :
        List.of("127.0.0.1", "localhost", "[::1]", "2130706433", "[::ffff:127.0.0.1]")) {
      assertThat(fetcher.machineOf(host)).as(host).isEqualTo("loopback");
    }
    assertThat(fetcher.machineOf("[::ffff:93.184.216.34]")).isEqualTo("93.184.216.34");
    assertThat(fetcher.machineOf("news.example")).as("not contacted yet").isNull();
  }

  static void awaitFinished(HostileWeb.Sent sent) throws InterruptedException {
    sent.awaitFinished(Duration.ofSeconds(10));
  }
}
