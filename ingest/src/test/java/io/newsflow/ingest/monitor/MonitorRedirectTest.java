package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.fetch.AddressGuard;
import io.newsflow.ingest.fetch.FetchSettings;
import io.newsflow.ingest.fetch.OutletServer;
import io.newsflow.schemas.RawArticle;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redirects of feeds, sitemaps and seed pages: their targets must be allowed by robots.txt too, on
 * the same host or another. Two local servers play two hosts, {@code outlet.test} and {@code
 * other.test}, both resolved to loopback; the outlet lists a page on each, so both are its own
 * hosts, which alone it may reach at a loopback address.
 */
class MonitorRedirectTest {
  @TempDir Path state;
  final OutletServer outlet = MonitorIT.newServer();
  final OutletServer other = MonitorIT.newServer();
  final CapturedOutput output = new CapturedOutput();

  @AfterEach
  void stop() {
    outlet.close();
    other.close();
  }

  @Test
  void shouldNotFollowRedirectsOfSourcesIntoWhatRobotsTxtDisallows() throws Exception {
    outlet.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /blocked/\n");
    other.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
    redirect(outlet, "/feed.xml", otherUrl("/private/feed.xml"));
    redirect(outlet, "/sitemap.xml", "/blocked/sitemap.xml");
    redirect(outlet, "/world/", otherUrl("/private/world/"));
    other.page("/private/feed.xml", "application/rss+xml", rss(otherUrl("/news/a")));
    outlet.page("/blocked/sitemap.xml", "application/xml", sitemap(outletUrl("/news/b")));
    other.page("/private/world/", "text/html", "<a href=\"/news/c\">C</a>");

    String lastError;
    Map<String, Long> faults;
    try (Monitor m =
        monitor(
            outletUrl("/feed.xml"),
            outletUrl("/sitemap.xml"),
            outletUrl("/world/"),
            otherUrl("/index/"))) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofMinutes(1))).isTrue();
      faults = m.faultCounts();
      lastError = m.status().get(0).lastError();
    }

    assertThat(other.hits("/private/feed.xml")).isZero();
    assertThat(outlet.hits("/blocked/sitemap.xml")).isZero();
    assertThat(other.hits("/private/world/")).isZero();
    assertThat(output.articles).isEmpty();
    assertThat(faults).containsEntry("robots_disallowed", 3L);
    assertThat(lastError).contains("redirect target").contains("disallowed by robots.txt");
  }

  @Test
  void shouldFollowARedirectOfAFeedToAnotherHostThatAllowsIt() throws Exception {
    other.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
    redirect(outlet, "/feed.xml", otherUrl("/feed.xml"));
    other.page("/feed.xml", "application/rss+xml", rss(otherUrl("/news/a")));
    other.page("/news/a", "text/html; charset=utf-8", MonitorIT.article("a", ""));

    try (Monitor m = monitor(outletUrl("/feed.xml"), otherUrl("/index/"))) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofMinutes(1))).isTrue();
      assertThat(m.faultCounts()).isEmpty();
    }

    assertThat(output.articles)
        .extracting(RawArticle::getSource)
        .containsExactly(otherUrl("/news/a"));
  }

  @Test
  void shouldNotFollowARedirectToAPrivateHostThatIsNotTheOutletsOwn() throws Exception {
    redirect(outlet, "/feed.xml", otherUrl("/feed.xml"));
    other.page("/feed.xml", "application/rss+xml", rss(otherUrl("/news/a")));

    String lastError;
    try (Monitor m = monitor(outletUrl("/feed.xml"))) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofMinutes(1))).isTrue();
      lastError = m.status().get(0).lastError();
    }

    assertThat(other.hits("/feed.xml")).isZero();
    assertThat(lastError).startsWith("blocked_address").contains("other.test");
  }

  Monitor monitor(String... sources) throws Exception {
    other.page("/index/", "text/html", "<p>no links here</p>");
    List<String> feeds = List.of(sources).stream().filter(u -> u.endsWith("/feed.xml")).toList();
    List<String> maps = List.of(sources).stream().filter(u -> u.endsWith("sitemap.xml")).toList();
    List<String> pages = List.of(sources).stream().filter(u -> u.endsWith("/")).toList();
    Outlet o =
        new Outlet(
            "redirects", feeds, maps, pages, null, Duration.ofHours(1), List.of(), List.of(), true);
    MonitorSettings settings =
        MonitorSettings.defaults(
                FetchSettings.defaults("newsflow/test (+https://example.org/contact)"), state)
            .withMinHostInterval(Duration.ZERO)
            .withStartSpread(Duration.ZERO)
            .withThreads(4);
    AddressGuard.Resolver hosts = name -> new InetAddress[] {InetAddress.getLoopbackAddress()};
    return new Monitor(settings, List.of(o), output, null, hosts);
  }

  String outletUrl(String path) {
    return "http://outlet.test:" + outlet.port() + path;
  }

  String otherUrl(String path) {
    return "http://other.test:" + other.port() + path;
  }

  static void redirect(OutletServer server, String path, String location) {
    server.on(
        path,
        ex -> {
          ex.getResponseHeaders().set("Location", location);
          ex.sendResponseHeaders(302, -1);
        });
  }

  static String rss(String link) {
    return "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><link>"
        + link
        + "</link></item></channel></rss>";
  }

  static String sitemap(String loc) {
    return "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
        + loc
        + "</loc></url></urlset>";
  }
}
