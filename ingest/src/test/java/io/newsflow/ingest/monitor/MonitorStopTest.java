package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.fetch.AddressGuard;
import io.newsflow.ingest.fetch.FetchSettings;
import io.newsflow.ingest.fetch.HostileWeb;
import io.newsflow.ingest.fetch.OutletServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping (Ctrl-C) does not wait for a server that drips: its fetch is aborted, not lost. */
class MonitorStopTest {
  @TempDir Path state;
  final OutletServer server = MonitorIT.newServer();
  final CapturedOutput output = new CapturedOutput();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldAbortAFetchStillRunningWhenStoppedAndFetchItAgainNextStart() throws Exception {
    HostileWeb.Sent drip = new HostileWeb.Sent();
    server.on("/news/drip", HostileWeb.drip(10_000, Duration.ofSeconds(1), drip));
    server.page(
        "/feed.xml",
        "application/rss+xml",
        "<rss version=\"2.0\"><channel><title>t</title><item><link>"
            + server.url("/news/drip")
            + "</link></item></channel></rss>");
    // the defaults: 30 s read timeout, 60 s total; only the abort on stop ends this fetch early
    MonitorSettings settings =
        MonitorSettings.defaults(
                FetchSettings.defaults("newsflow/test (+https://example.org/contact)"), state)
            .withMinHostInterval(Duration.ZERO)
            .withStartSpread(Duration.ZERO)
            .withThreads(2);
    Outlet o =
        new Outlet(
            "drip",
            List.of(server.url("/feed.xml")),
            List.of(),
            List.of(),
            null,
            Duration.ofHours(1),
            List.of(),
            List.of(),
            true);

    Monitor m = new Monitor(settings, List.of(o), output, null, AddressGuard.systemResolver());
    m.start();
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (drip.bytes() < 2 && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    long start = System.nanoTime();
    m.close();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(drip.bytes()).as("the drip had started").isGreaterThanOrEqualTo(2);
    assertThat(took).isLessThan(Duration.ofSeconds(10 + 5 + 5));
    assertThat(output.deadLetters).as("not lost").isEmpty();
    try (SeenStore store = SeenStore.open(state)) {
      assertThat(store.article(ArticleIds.forUrl(server.url("/news/drip"))))
          .as("not marked seen: the next start fetches it")
          .isNull();
    }
  }
}
