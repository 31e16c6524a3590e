package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.fetch.AddressGuard;
import io.newsflow.ingest.fetch.FetchSettings;
import io.newsflow.ingest.fetch.OutletServer;
import io.newsflow.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article found through an undated page link, then listed by a feed with a date: one article,
 * not two, unless the feed's date is after we fetched it. Output in memory, clock moved by hand.
 */
class MonitorListingDatesTest {
  @TempDir Path state;
  final OutletServer server = MonitorIT.newServer();
  final TestClock clock = new TestClock(Instant.parse("2026-03-10T00:00:00Z"));
  final CapturedOutput output = new CapturedOutput();
  final List<RawArticle> produced = output.articles;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldNotProduceAgainWhenAFeedDatesAnArticleFoundThroughALinkBeforeWeFetchedIt()
      throws Exception {
    server.page("/a", "text/html; charset=utf-8", MonitorIT.article("a", ""));
    server.page("/world/", "text/html", "<a href=\"/a\">A</a>");
    run(List.of(), List.of(server.url("/world/")));
    serveFeed("Mon, 09 Mar 2026 10:00:00 GMT");

    clock.advance(Duration.ofHours(1));
    run(List.of(server.url("/feed.xml")), List.of());
    clock.advance(Duration.ofHours(1));
    run(List.of(server.url("/feed.xml")), List.of());

    assertThat(produced).hasSize(1);
    assertThat(server.hits("/a")).as("not fetched again for the feed's date").isEqualTo(1);
  }

  @Test
  void shouldProduceANewVersionWhenTheFeedLaterSaysItChanged() throws Exception {
    server.page("/a", "text/html; charset=utf-8", MonitorIT.article("a", ""));
    server.page("/world/", "text/html", "<a href=\"/a\">A</a>");
    run(List.of(), List.of(server.url("/world/")));
    serveFeed("Mon, 09 Mar 2026 10:00:00 GMT");
    clock.advance(Duration.ofHours(1));
    run(List.of(server.url("/feed.xml")), List.of());

    serveFeed("Wed, 11 Mar 2026 10:00:00 GMT");
    clock.advance(Duration.ofDays(2));
    run(List.of(server.url("/feed.xml")), List.of());

    assertThat(produced).extracting(RawArticle::getVersion).containsExactly(1, 2);
  }

  void run(List<String> feeds, List<String> pages) throws Exception {
    Outlet o =
        new Outlet(
            "dates",
            feeds,
            List.of(),
            pages,
            "en",
            Duration.ofHours(1),
            List.of(),
            List.of(),
            true);
    MonitorSettings settings =
        MonitorSettings.defaults(
                FetchSettings.defaults("newsflow/test (+https://example.org/contact)"), state)
            .withMinHostInterval(Duration.ZERO)
            .withStartSpread(Duration.ZERO)
            .withThreads(2);
    try (Monitor m =
        new Monitor(settings, List.of(o), output, null, AddressGuard.systemResolver(), clock)) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofMinutes(1))).isTrue();
    }
  }

  void serveFeed(String date) {
    byte[] rss =
        ("<rss version=\"2.0\"><channel><title>t</title><item><title>A</title><link>"
                + server.url("/a")
                + "</link><pubDate>"
                + date
                + "</pubDate></item></channel></rss>")
            .getBytes(StandardCharsets.UTF_8);
    server.on("/feed.xml", ex -> OutletServer.send(ex, 200, "application/rss+xml", rss));
  }
}
