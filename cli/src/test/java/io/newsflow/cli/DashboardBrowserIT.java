package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.cli.dashboard.Dashboard;
import io.newsflow.testkit.KafkaFixture;
import io.newsflow.testkit.SharedData;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless chromium, driven through chromium-driver),
 * loaded before a replay starts: outlets, counts, an article's evidence and a dead letter must
 * appear without a reload. Screenshots of each view go to target/dashboard-screenshots.
 */
class DashboardBrowserIT {
  static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
  static final List<String> DRIVER =
      List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
  static final Path SHOTS = Path.of("target", "dashboard-screenshots");

  @TempDir static Path work;
  static Cluster cluster;
  static Dashboard dashboard;
  static WebDriver browser;
  static String outlet;

  @BeforeAll
  static void start() throws Exception {
    Optional<String> chromium = first(CHROMIUM);
    Optional<String> driver = first(DRIVER);
    assumeTrue(
        chromium.isPresent() && driver.isPresent(),
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver;"
            + " .ci/run installs them)");
    NewsflowConfig config =
        NewsflowConfig.load(
            null,
            Map.of(),
            Map.of(
                NewsflowConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaFixture.shared().bootstrapServers(),
                NewsflowConfig.UI_PORT_CONFIG,
                0));
    cluster = Cluster.external(config);
    cluster.ensureTopics(Pipeline.tagger(config).topicNames());
    dashboard =
        DashboardOptions.start(
            config, cluster, true, List::of, () -> null, a -> {}, new Progress(System.err, true));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1300,1000",
        "--user-data-dir=" + Files.createDirectories(work.resolve("chromium")));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(driver.get())).build();
    browser = new ChromeDriver(service, options);
    outlet = "Browser Test Gazette " + UUID.randomUUID().toString().substring(0, 8);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (dashboard != null) {
      dashboard.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void shouldShowOutletsCountsEvidenceAndDeadLettersAsAReplayRuns() throws Exception {
    browser.get(dashboard.url() + "#/outlets");
    waitFor(d -> d.findElement(By.id("status")).getText().startsWith("updated"));
    By row = By.cssSelector("tr[data-outlet='" + outlet + "']");
    assertThat(browser.findElements(row)).as("outlet before the replay").isEmpty();

    CompletableFuture<Integer> replay = replayInBackground(SharedData.seeds(), "seeds");
    long seeds;
    try (Stream<Path> files = Files.list(SharedData.seeds())) {
      seeds = files.filter(p -> p.toString().endsWith(".txt")).count();
    }
    // the row appears, then its count climbs to every seed: the page follows without a reload
    waitFor(d -> !d.findElements(row).isEmpty());
    waitFor(
        d ->
            d.findElement(row)
                .findElement(By.cssSelector("td.enriched"))
                .getText()
                .equals(Long.toString(seeds)));
    assertThat(replay.get(120, TimeUnit.SECONDS)).isZero();
    shot("outlets");

    browser.get(dashboard.url() + "#/pipeline");
    waitFor(d -> !d.findElements(By.cssSelector("#rates canvas")).isEmpty());
    assertThat(number(By.id("total-enrich"))).isGreaterThanOrEqualTo(seeds);
    shot("pipeline");

    browser.get(dashboard.url() + "#/articles?outlet=" + outlet.replace(" ", "%20"));
    waitFor(d -> d.findElements(By.cssSelector("#articles tr.article-row")).size() == seeds);
    shot("articles");
    browser.findElement(By.cssSelector("#articles tr.article-row a")).click();
    waitFor(d -> !d.findElements(By.cssSelector("#article-text")).isEmpty());
    List<WebElement> marks =
        browser.findElements(By.cssSelector("#article-text mark, #article-title mark"));
    assertThat(marks).as("tag evidence highlighted in the text").isNotEmpty();
    List<String> phrases =
        browser.findElements(By.cssSelector("#evidence mark")).stream()
            .map(WebElement::getText)
            .toList();
    for (WebElement m : marks) {
      assertThat(phrases)
          .as("a highlighted span is one of the evidence phrases")
          .contains(m.getText());
    }
    assertThat(
            browser
                .findElement(By.cssSelector("#removed"))
                .findElements(By.cssSelector("li .reason")))
        .as("removed lines shown with their reasons")
        .allSatisfy(r -> assertThat(r.getText()).matches("(rule|density|learned):.*"));
    shot("article");

    // a dead letter shows up, readable, while the page is open
    browser.get(dashboard.url() + "#/dead-letters");
    waitFor(d -> d.findElement(By.id("status")).getText().startsWith("updated"));
    String marker = "empty-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
    Path bad = Files.createDirectories(work.resolve("bad"));
    Files.write(bad.resolve(marker), new byte[0]);
    assertThat(replayInBackground(bad, "bad").get(120, TimeUnit.SECONDS)).isZero();
    By deadRow =
        By.xpath("//tr[contains(@class,'dead-letter')][td[contains(., '" + marker + "')]]");
    waitFor(d -> !d.findElements(deadRow).isEmpty());
    assertThat(browser.findElement(deadRow).findElement(By.cssSelector(".reason-text")).getText())
        .isNotBlank();
    shot("dead-letters");
  }

  @Test
  void shouldShowWhatEachOutletWaitsForAndItsNextPollUnderRun() throws Exception {
    // two outlets served from this machine, each a feed of two articles, polled every 10 minutes
    HttpServer site =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    String base = "http://127.0.0.1:" + site.getAddress().getPort();
    List<Path> seeds;
    try (Stream<Path> files = Files.list(SharedData.seeds())) {
      seeds = files.filter(p -> p.toString().endsWith(".txt")).sorted().limit(4).toList();
    }
    site.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String body;
          String type = "text/html; charset=utf-8";
          int status = 200;
          if (path.endsWith("/feed.xml")) {
            String outletPath = path.substring(0, path.length() - "feed.xml".length());
            body =
                "<rss version=\"2.0\"><channel><title>t</title>"
                    + "<item><title>a</title><link>"
                    + base
                    + outletPath
                    + "a.html</link></item><item><title>b</title><link>"
                    + base
                    + outletPath
                    + "b.html</link></item></channel></rss>";
            type = "application/rss+xml";
          } else if (path.endsWith(".html")) {
            int i = (path.startsWith("/one/") ? 0 : 2) + (path.endsWith("b.html") ? 1 : 0);
            List<String> lines = Files.readAllLines(seeds.get(i % seeds.size()));
            String title = "Seed story " + i;
            StringBuilder html =
                new StringBuilder("<html><head><title>")
                    .append(title)
                    .append("</title><meta property=\"og:type\" content=\"article\">")
                    .append("<meta property=\"article:published_time\"")
                    .append(" content=\"2026-12-01T10:00:00Z\"></head><body><article><h1>")
                    .append(title)
                    .append("</h1>");
            lines.stream()
                .filter(l -> !l.isBlank())
                .forEach(l -> html.append("<p>").append(l).append("</p>"));
            body = html.append("</article></body></html>").toString();
          } else {
            body = "not found";
            status = 404;
          }
          byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", type);
          ex.sendResponseHeaders(status, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    site.start();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    List<String> names = List.of("Run Gazette " + suffix, "Run Herald " + suffix);
    Path outlets =
        Files.writeString(
            work.resolve("outlets-" + suffix + ".yaml"),
            "defaults:\n  pollInterval: 10m\noutlets:\n"
                + "  - name: "
                + names.get(0)
                + "\n    feeds: ["
                + base
                + "/one/feed.xml]\n    allowPrivateAddresses: true\n"
                + "  - name: "
                + names.get(1)
                + "\n    feeds: ["
                + base
                + "/two/feed.xml]\n    allowPrivateAddresses: true\n");
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process run =
        startRun(
            "--outlets",
            outlets.toString(),
            "--bootstrap-servers",
            KafkaFixture.shared().bootstrapServers(),
            "--ui-port",
            Integer.toString(port),
            "--out",
            work.resolve("out-run-" + suffix).toString(),
            "--data-dir",
            work.resolve("data-run-" + suffix).toString());
    try {
      awaitListening(port, run, Duration.ofSeconds(90));
      browser.get("http://127.0.0.1:" + port + "/#/outlets");
      for (String name : names) {
        By row = By.cssSelector("tr[data-outlet='" + name + "']");
        // each outlet is polled once, its two articles come through, and it then waits for its
        // next poll, which the row says with the time left
        waitFor(
            d ->
                !d.findElements(row).isEmpty()
                    && d.findElement(row)
                        .findElement(By.cssSelector("td.polls"))
                        .getText()
                        .equals("1")
                    && d.findElement(row)
                        .findElement(By.cssSelector("td.enriched"))
                        .getText()
                        .equals("2"));
        WebElement r = browser.findElement(row);
        assertThat(r.findElement(By.cssSelector("td.waiting")).getText())
            .matches("next poll in (9 min \\d+ s|10 min 0 s) \\(its poll interval\\)");
      }
      shot("run-outlets");
    } finally {
      run.destroy(); // SIGTERM: run stops cleanly, as on Ctrl-C
      boolean ended = run.waitFor(60, TimeUnit.SECONDS);
      if (!ended) {
        run.destroyForcibly();
      }
      site.stop(0);
      assertThat(ended).as("run stopped on SIGTERM").isTrue();
    }
  }

  /** Waits until {@code port} accepts connections: the new JVM starts its dashboard in a while. */
  private static void awaitListening(int port, Process process, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("run is still running (see run-err.txt)").isTrue();
      try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError(
        "run's dashboard did not listen on port " + port + " within " + timeout);
  }

  /** Starts {@code newsflow run args} in a new JVM on the packaged jar, as ./newsflow does. */
  private static Process startRun(String... args) throws java.io.IOException {
    Path jar = Path.of("target", "newsflow.jar");
    assertThat(jar).as("packaged jar (failsafe runs after package)").exists();
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                jar + File.pathSeparator + Path.of("target", "lib") + "/*",
                Newsflow.class.getName(),
                "run"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(work.resolve("run-out.txt").toFile())
            .redirectError(work.resolve("run-err.txt").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith(NewsflowConfig.ENV_PREFIX));
    pb.environment().put("NEWSFLOW_MONITOR_CONTACT", "https://example.org/newsflow-tests");
    return pb.start();
  }

  private static CompletableFuture<Integer> replayInBackground(Path archive, String name) {
    return CompletableFuture.supplyAsync(
        () ->
            Newsflow.run(
                "replay",
                archive.toString(),
                "--out",
                work.resolve("out-" + name).toString(),
                "--bootstrap-servers",
                KafkaFixture.shared().bootstrapServers(),
                "--data-dir",
                work.resolve("data-" + name).toString(),
                "--outlet",
                outlet,
                "-q"));
  }

  private static long number(By by) {
    return Long.parseLong(browser.findElement(by).getText().replace(",", ""));
  }

  /**
   * Waits until {@code condition} holds. The page redraws its tables as data arrives, so an element
   * found one moment can be replaced the next: a stale element is a reason to look again, not a
   * failure.
   */
  private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(90))
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  private static void shot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }

  private static Optional<String> first(List<String> paths) {
    return paths.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
  }
}
