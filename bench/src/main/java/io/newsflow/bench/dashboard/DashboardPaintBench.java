package io.newsflow.bench.dashboard;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.cli.dashboard.Dashboard;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Evidence;
import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.TopicTag;
import io.newsflow.schemas.Topics;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long the dashboard takes to show its first view with data when the history holds many
 * articles: an in-process broker gets {@code N} enriched articles on news.enriched, the dashboard
 * starts on it, and headless chromium (Debian's {@code chromium}) loads each view (outlets,
 * pipeline, articles) {@code RUNS} times through chromium-driver, each in a fresh profile. The page
 * records the milliseconds from navigation to its first view drawn with data ({@code
 * data-first-render-ms}). Prints each run and each view's median.
 *
 * <p>Usage: {@code DashboardPaintBench [N=100000] [RUNS=5] [CHROMIUM=/usr/bin/chromium]}
 */
public final class DashboardPaintBench {
  private DashboardPaintBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String chromium = args.length > 2 ? args[2] : "/usr/bin/chromium";
    Path dir = Files.createTempDirectory("newsflow-paint-bench");
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(dir.resolve("kafka"), Map.of(), Duration.ofSeconds(90))) {
      Map<String, Object> props = Map.of("bootstrap.servers", broker.bootstrapServers());
      try (Admin admin = Admin.create(props)) {
        new TopicAdmin(admin, 4, (short) 1, Duration.ofSeconds(60))
            .ensure(new ArrayList<TopicSpec<?, ?>>(Topics.fixed()));
      }
      long t0 = System.nanoTime();
      produce(props, n);
      System.out.printf(
          "history: %d enriched articles produced in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
      long s0 = System.nanoTime();
      try (Dashboard d =
          Dashboard.start(
              new Dashboard.Settings(
                  true, true, "127.0.0.1", 0, 2000, "newsflow-enrich", "newsflow-sink"),
              props,
              List::of,
              () -> null,
              a -> {})) {
        System.out.printf("dashboard started in %.2f s%n", (System.nanoTime() - s0) / 1e9);
        for (String view : List.of("outlets", "pipeline", "articles")) {
          List<Long> ms = new ArrayList<>();
          for (int run = 1; run <= runs; run++) {
            long paint =
                firstRender(
                    chromium, d.url() + "#/" + view, dir.resolve("profile-" + view + "-" + run));
            ms.add(paint);
            System.out.printf(
                "%s view, run %d: first view with data after %d ms%n", view, run, paint);
          }
          Collections.sort(ms);
          System.out.printf(
              "%s view: median first view with data %d ms over %d runs (history %d articles)%n",
              view, ms.get(ms.size() / 2), runs, n);
        }
      }
    }
  }

  private static void produce(Map<String, Object> props, int n) {
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                props.get("bootstrap.servers"),
                "linger.ms",
                20,
                "compression.type",
                "lz4"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      String topic = Topics.ENRICHED.name();
      for (int i = 0; i < n; i++) {
        EnrichedArticle a = article(i);
        p.send(
            new ProducerRecord<>(
                topic, a.getId(), Topics.ENRICHED.valueSerde().serializer().serialize(topic, a)));
      }
      p.flush();
    }
  }

  /**
   * Loads the page in a fresh headless chromium (driven by chromium-driver) and reads the page's
   * own first-render mark, set when its first view with data is drawn.
   */
  private static long firstRender(String chromium, String url, Path profile) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(profile));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    WebDriver browser = new ChromeDriver(service, options);
    try {
      browser.get(url);
      By mark = By.cssSelector("body[data-first-render-ms]");
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(d -> !d.findElements(mark).isEmpty());
      return Long.parseLong(browser.findElement(mark).getDomAttribute("data-first-render-ms"));
    } finally {
      browser.quit();
    }
  }

  private static EnrichedArticle article(int i) {
    String text =
        ("The council met on Tuesday to discuss the border agreement and the country's sovereignty "
                + "over the islands. ")
            .repeat(30);
    int start = text.indexOf("sovereignty");
    Evidence e =
        Evidence.newBuilder()
            .setPhrase("sovereignty")
            .setField("text")
            .setStart(start)
            .setEnd(start + "sovereignty".length())
            .setRule("bench")
            .build();
    return EnrichedArticle.newBuilder()
        .setId(String.format("paint-%08d", i))
        .setSource("https://example.org/" + i)
        .setOutlet("Outlet " + (i % 20))
        .setTitle("Article " + i)
        .setText(text)
        .setRemoved(List.of())
        .setTopics(
            List.of(
                TopicTag.newBuilder()
                    .setName("sovereignty")
                    .setScore(0.8)
                    .setTaxonomyVersion("bench")
                    .setEvidence(List.of(e))
                    .build()))
        .setLanguage(i % 3 == 0 ? "es" : "en")
        .setFetchedAt(Instant.now())
        .setVersion(1)
        .setExtractorVersion("bench")
        .setTaxonomyVersion("bench")
        .build();
  }
}
