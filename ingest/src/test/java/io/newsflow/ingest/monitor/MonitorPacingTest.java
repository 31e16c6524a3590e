package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.fetch.AddressGuard;
import io.newsflow.ingest.fetch.FetchSettings;
import io.newsflow.ingest.fetch.OutletServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pacing follows the machine, not the spelling of its name: loopback names and IP literals of one
 * server share its pacing, and a redirect hop waits for its target host's turn.
 */
class MonitorPacingTest {
  static final Duration INTERVAL = Duration.ofSeconds(1);
  @TempDir Path state;
  final OutletServer server = MonitorIT.newServer();
  final OutletServer other = MonitorIT.newServer();
  final CapturedOutput output = new CapturedOutput();

  @AfterEach
  void stop() {
    server.close();
    other.close();
  }

  @Test
  void shouldPaceOneServerAsOneWhateverItsAddressIsCalled() throws Exception {
    String empty = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    server.page("/f1.xml", "application/rss+xml", empty);
    server.page("/f2.xml", "application/rss+xml", empty);
    server.page("/f3.xml", "application/rss+xml", empty);
    int port = server.port();
    Outlet o =
        outlet(
            List.of(
                "http://127.0.0.1:" + port + "/f1.xml",
                "http://localhost:" + port + "/f2.xml",
                "http://2130706433:" + port + "/f3.xml"),
            List.of());

    try (Monitor m = monitor(o, true, AddressGuard.systemResolver())) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofSeconds(30))).isTrue();
      assertThat(m.faultCounts()).isEmpty();
    }

    assertSpaced(server.log, 3);
  }

  @Test
  void shouldPaceARedirectHopOnItsTargetHost() throws Exception {
    other.page("/index/", "text/html", "<p>no links</p>");
    other.page(
        "/feed.xml",
        "application/rss+xml",
        "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
    server.on(
        "/feed.xml",
        ex -> {
          ex.getResponseHeaders().set("Location", "http://b.test:" + other.port() + "/feed.xml");
          ex.sendResponseHeaders(302, -1);
        });
    Outlet o =
        outlet(
            List.of("http://a.test:" + server.port() + "/feed.xml"),
            List.of("http://b.test:" + other.port() + "/index/"));
    AddressGuard.Resolver loopback = name -> new InetAddress[] {InetAddress.getLoopbackAddress()};

    // two names of one machine, paced by name: only the hop can bring them together
    try (Monitor m = monitor(o, false, loopback)) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofSeconds(30))).isTrue();
      assertThat(m.faultCounts()).isEmpty();
    }

    assertSpaced(other.log, 2);
  }

  static void assertSpaced(List<OutletServer.Hit> log, int requests) {
    List<Long> starts = new ArrayList<>();
    for (OutletServer.Hit h : log) {
      if (!h.path().equals("/robots.txt")) {
        starts.add(h.atNanos());
      }
    }
    assertThat(starts).hasSize(requests);
    for (int i = 1; i < starts.size(); i++) {
      assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1)))
          .isGreaterThan(INTERVAL.minusMillis(100));
    }
  }

  Monitor monitor(Outlet o, boolean byAddress, AddressGuard.Resolver resolver) throws Exception {
    MonitorSettings settings =
        MonitorSettings.defaults(
                FetchSettings.defaults("newsflow/test (+https://example.org/contact)"), state)
            .withMinHostInterval(INTERVAL)
            .withStartSpread(Duration.ZERO)
            .withThreads(4)
            .withPaceByAddress(byAddress);
    return new Monitor(settings, List.of(o), output, null, resolver);
  }

  static Outlet outlet(List<String> feeds, List<String> pages) {
    return new Outlet(
        "pacing", feeds, List.of(), pages, null, Duration.ofHours(1), List.of(), List.of(), true);
  }
}
