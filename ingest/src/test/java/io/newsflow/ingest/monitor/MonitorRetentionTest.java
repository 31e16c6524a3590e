package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.fetch.AddressGuard;
import io.newsflow.ingest.fetch.FetchSettings;
import io.newsflow.ingest.fetch.OutletServer;
import io.newsflow.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seen store's retention as a user meets it: restarts of the monitor days apart, on a clock the
 * test moves, against a local server playing one outlet. Output is kept in memory (no broker).
 */
class MonitorRetentionTest {
  static final Duration RETENTION = Duration.ofDays(10);

  @TempDir Path state;
  final OutletServer server = MonitorIT.newServer();
  final TestClock clock = new TestClock(Instant.parse("2026-03-01T00:00:00Z"));
  final CapturedOutput output = new CapturedOutput();
  final List<RawArticle> produced = output.articles;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldNeverFetchAgainWhatAFeedStillListsEvenAfterWeeksOfNotModified() throws Exception {
    serveArticles("a", "b", "c");
    serveFeed("\"v1\"", "a", "b");
    for (int day = 0; day <= 30; day += 5) {
      runOnce();
      clock.advance(Duration.ofHours(6));
      int notModified = server.conditionalRequests.size();
      runOnce();
      assertThat(server.conditionalRequests).as("304 six hours later").hasSize(notModified + 1);
      clock.advance(Duration.ofDays(5).minusHours(6));
    }

    serveFeed("\"v2\"", "c", "a", "b");
    runOnce();

    assertThat(produced).extracting(this::path).containsExactlyInAnyOrder("/a", "/b", "/c");
    assertThat(server.hits("/a")).isEqualTo(1);
    assertThat(output.deadLetters).isEmpty();
  }

  @Test
  void shouldFetchAgainAnArticleThatReappearsAfterTheRetention() throws Exception {
    serveArticles("a", "b");
    serveFeed("\"v1\"", "a", "b");
    runOnce();
    serveFeed("\"v2\"", "a");
    for (int day = 3; day <= 12; day += 3) {
      clock.advance(Duration.ofDays(3));
      runOnce();
    }

    serveFeed("\"v3\"", "a", "b");
    runOnce();

    assertThat(produced).extracting(this::path).containsExactlyInAnyOrder("/a", "/b", "/b");
    assertThat(produced).allSatisfy(a -> assertThat(a.getVersion()).isEqualTo(1));
    assertThat(output.deadLetters).isEmpty();
  }

  @Test
  void shouldRefuseARetentionThatWouldForgetArticlesBetweenTwoPolls() {
    Outlet daily =
        new Outlet(
            "daily",
            List.of(server.url("/feed.xml")),
            List.of(),
            List.of(),
            null,
            Duration.ofDays(1),
            List.of(),
            List.of(),
            true);
    assertThatThrownBy(
            () ->
                new Monitor(
                    settings().withSeenRetention(Duration.ofHours(36)),
                    List.of(daily),
                    output,
                    null,
                    AddressGuard.systemResolver(),
                    clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("monitor.seen.retention.ms")
        .hasMessageContaining("daily");
  }

  void runOnce() throws Exception {
    Outlet o =
        new Outlet(
            "retention",
            List.of(server.url("/feed.xml")),
            List.of(),
            List.of(),
            "en",
            Duration.ofHours(1),
            List.of(),
            List.of(),
            true);
    try (Monitor m =
        new Monitor(settings(), List.of(o), output, null, AddressGuard.systemResolver(), clock)) {
      m.start();
      assertThat(m.awaitPolls(1, Duration.ofMinutes(1))).isTrue();
    }
  }

  MonitorSettings settings() {
    return MonitorSettings.defaults(
            FetchSettings.defaults("newsflow/test (+https://example.org/contact)"), state)
        .withMinHostInterval(Duration.ZERO)
        .withStartSpread(Duration.ZERO)
        .withThreads(4)
        .withSeenRetention(RETENTION);
  }

  void serveArticles(String... names) {
    for (String n : names) {
      server.page("/" + n, "text/html; charset=utf-8", MonitorIT.article(n, ""));
    }
  }

  /** A feed listing the articles, answering 304 while the client's ETag is {@code etag}. */
  void serveFeed(String etag, String... names) {
    String items =
        List.of(names).stream()
            .map(
                n ->
                    "<item><title>" + n + "</title><link>" + server.url("/" + n) + "</link></item>")
            .collect(Collectors.joining());
    byte[] rss =
        ("<rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>")
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

  String path(RawArticle a) {
    return a.getSource().substring(server.base().length());
  }
}
