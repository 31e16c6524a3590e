package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.cli.dashboard.Dashboard;
import io.newsflow.testkit.KafkaFixture;
import io.newsflow.testkit.SharedData;
import java.io.File;
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
