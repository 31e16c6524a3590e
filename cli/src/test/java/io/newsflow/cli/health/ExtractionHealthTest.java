package io.newsflow.cli.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.ExtractorSettings;
import io.newsflow.testkit.SharedData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ExtractionHealthTest {
  final Random random = new Random(16);

  ExtractionHealth.Sample healthy() {
    int chars = 2000 + random.nextInt(3000);
    return ExtractionHealth.Sample.of(chars, chars / 400, 2 + random.nextInt(3), false, false);
  }

  /** Feeds samples; returns the 1-based index at which the first alert came, or -1. */
  static int firstAlert(ExtractionHealth h, String outlet, List<ExtractionHealth.Sample> xs) {
    for (int i = 0; i < xs.size(); i++) {
      if (h.observe(outlet, xs.get(i)).isPresent()) {
        return i + 1;
      }
    }
    return -1;
  }

  @Test
  void shouldAlertWithinFiftyArticlesWhenAnOutletsBodiesCollapse() {
    ExtractionHealth h = new ExtractionHealth(ExtractionHealth.Settings.defaults());
    List<ExtractionHealth.Sample> before = Stream.generate(this::healthy).limit(80).toList();
    assertThat(firstAlert(h, "Gazette", before)).isEqualTo(-1);
    List<ExtractionHealth.Sample> after =
        Stream.generate(
                () -> ExtractionHealth.Sample.of(150 + random.nextInt(100), 1, 9, false, false))
            .limit(50)
            .toList();
    Optional<ExtractionHealth.Alert> alert = Optional.empty();
    int at = 0;
    for (ExtractionHealth.Sample s : after) {
      at++;
      alert = h.observe("Gazette", s);
      if (alert.isPresent()) {
        break;
      }
    }
    assertThat(alert).isPresent();
    assertThat(at).isLessThanOrEqualTo(50);
    assertThat(alert.get().outlet()).isEqualTo("Gazette");
    assertThat(alert.get().message()).contains("Gazette").contains("template");
  }

  @Test
  void shouldAlertWhenArticlesStartFailingAndOnlyOnceForOneChange() {
    ExtractionHealth h = new ExtractionHealth(ExtractionHealth.Settings.defaults());
    List<ExtractionHealth.Sample> xs =
        new ArrayList<>(Stream.generate(this::healthy).limit(60).toList());
    for (int i = 0; i < 150; i++) {
      xs.add(ExtractionHealth.Sample.deadLettered());
    }
    int alerts = 0;
    String figure = null;
    for (ExtractionHealth.Sample s : xs) {
      Optional<ExtractionHealth.Alert> a = h.observe("Daily", s);
      if (a.isPresent()) {
        alerts++;
        figure = a.get().figure();
      }
    }
    assertThat(alerts).isEqualTo(1);
    assertThat(figure).isEqualTo("empty or dead-lettered share");
  }

  @Test
  void shouldAlertWhenTitlesGoMissing() {
    ExtractionHealth h = new ExtractionHealth(ExtractionHealth.Settings.defaults());
    firstAlert(h, "Post", Stream.generate(this::healthy).limit(50).toList());
    int at =
        firstAlert(
            h,
            "Post",
            Stream.generate(() -> ExtractionHealth.Sample.of(3000, 7, 3, true, false))
                .limit(50)
                .toList());
    assertThat(at).isBetween(1, 50);
  }

  @Test
  void shouldNotJudgeAnOutletWithoutHistoryNorMixOutlets() {
    ExtractionHealth h = new ExtractionHealth(ExtractionHealth.Settings.defaults());
    for (int i = 0; i < 49; i++) {
      assertThat(h.observe("Tribune", ExtractionHealth.Sample.deadLettered())).isEmpty();
      assertThat(h.observe("Herald " + i, healthy())).isEmpty();
    }
  }

  @Test
  void shouldRaiseNoAlertOnTheBenchmarkPagesReplayedAsOneOutletNorOnTheSeeds() throws Exception {
    ArticleExtractor extractor = new ArticleExtractor(new ExtractorSettings(20 * 1024 * 1024));
    List<ExtractionHealth.Sample> pages = new ArrayList<>();
    Path html = SharedData.root().resolve("bench/extraction/scrapinghub/html");
    try (Stream<Path> files = Files.list(html).sorted()) {
      for (Path p : files.toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
          String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          pages.add(sample(extractor.extractHtml(page, null)));
        }
      }
    }
    assertThat(pages).hasSizeGreaterThan(150);
    // one outlet with every page is the harshest case: its history mixes every site's template
    assertThat(firstAlert(new ExtractionHealth(ExtractionHealth.Settings.defaults()), "all", pages))
        .isEqualTo(-1);
    List<ExtractionHealth.Sample> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(SharedData.seeds()).sorted()) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        seeds.add(sample(extractor.extractText(Files.readString(p))));
      }
    }
    ExtractionHealth h = new ExtractionHealth(ExtractionHealth.Settings.defaults());
    for (int copy = 0; copy < 20; copy++) {
      assertThat(firstAlert(h, "seeds", seeds)).isEqualTo(-1);
    }
  }

  static ExtractionHealth.Sample sample(Extraction e) {
    return ExtractionHealth.Sample.of(
        e.text().length(),
        e.paragraphs().size(),
        e.removed().size(),
        e.title() == null,
        e.published() == null);
  }
}
