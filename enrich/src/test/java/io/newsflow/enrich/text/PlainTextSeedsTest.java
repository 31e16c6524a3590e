package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed corpus (../shared/seeds): scraped text with its site boilerplate still in. These tests
 * assert general properties (no line of a boilerplate kind survives, every long story paragraph
 * does), not one expected output per file.
 */
class PlainTextSeedsTest {
  /** Kinds of boilerplate line, by shape. A kept paragraph must match none of them. */
  private static final List<Pattern> BOILERPLATE =
      List.of(
          Pattern.compile("(?i)^(kindly |please )?share this (story|article).*"),
          Pattern.compile("(?i)^(also read|read more|lee también)\\b.*"),
          Pattern.compile(
              "(?i).*\\b(whatsapp|telegram)\\b.*\\b(channel|canal)\\b.*|.*\\b(follow|join)\\b.*\\bwhatsapp\\b.*"),
          Pattern.compile("(?i)^(help us improve\\.?|related articles|trending)$"),
          Pattern.compile("(?i)^(cover )?photo:.*"),
          Pattern.compile("^\\W*(\\w{1,2}\\W*){0,2}$"),
          Pattern.compile("^BREAKING:.*"));

  private static final ArticleExtractor EXTRACTOR =
      new ArticleExtractor(ExtractorSettings.defaults());
  private static List<Path> seeds;

  @BeforeAll
  static void findSeeds() throws IOException {
    Path shared = SharedData.sharedDir();
    assumeTrue(shared != null, "../shared/seeds not found");
    try (Stream<Path> s = Files.list(shared.resolve("seeds"))) {
      seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(seeds).isNotEmpty();
  }

  private static Extraction extract(Path p) throws Exception {
    return EXTRACTOR.extract(Files.readAllBytes(p), "UTF-8", "text/plain", null);
  }

  private static String folded(String s) {
    return BoilerplateRules.fold(s);
  }

  @Test
  void shouldLeaveNoBoilerplateLineInAnySeed() throws Exception {
    for (Path p : seeds) {
      for (String para : extract(p).paragraphs()) {
        for (Pattern bp : BOILERPLATE) {
          assertThat(bp.matcher(folded(para)).matches())
              .as("%s keeps boilerplate %s", p.getFileName(), para)
              .isFalse();
        }
      }
    }
  }

  @Test
  void shouldKeepEveryLongStoryParagraph() throws Exception {
    for (Path p : seeds) {
      Extraction e = extract(p);
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        String l = line.strip();
        if (l.length() >= 150 && !l.toUpperCase().startsWith("ALSO READ")) {
          assertThat(e.paragraphs()).as("%s drops story paragraph", p.getFileName()).contains(l);
        }
      }
    }
  }

  @Test
  void shouldKeepSubheadingsBetweenStoryParagraphs() throws Exception {
    for (Path p : seeds) {
      List<String> lines = nonBlank(p);
      Extraction e = extract(p);
      for (int i = 1; i + 1 < lines.size(); i++) {
        String l = lines.get(i);
        boolean headlineShaped =
            l.length() < 120 && !l.matches(".*[.!?:,]\\W*$") && l.split("\\s+").length >= 4;
        boolean betweenStory = lines.get(i - 1).length() >= 150 && lines.get(i + 1).length() >= 100;
        boolean boilerplate = BOILERPLATE.stream().anyMatch(bp -> bp.matcher(folded(l)).matches());
        if (headlineShaped && betweenStory && !boilerplate && !l.equals(e.title())) {
          assertThat(e.paragraphs()).as("%s drops subheading", p.getFileName()).contains(l);
        }
      }
    }
  }

  @Test
  void shouldNotRepeatTheHeadlineInTheBody() throws Exception {
    for (Path p : seeds) {
      Extraction e = extract(p);
      if (e.title() != null) {
        assertThat(e.paragraphs()).as(p.getFileName().toString()).doesNotContain(e.title());
      }
      assertThat(e.paragraphs()).as(p.getFileName().toString()).doesNotHaveDuplicates();
    }
  }

  @Test
  void shouldDropTrailingTeasersAfterTheStoryEnds() throws Exception {
    for (Path p : seeds) {
      Extraction e = extract(p);
      String last = e.paragraphs().get(e.paragraphs().size() - 1);
      assertThat(last)
          .as("%s ends on a sentence", p.getFileName())
          .matches("(?s).*[.!?…][\"”’)]*$");
    }
  }

  @Test
  void shouldFindTitleWhenTextStartsWithAHeadline() throws Exception {
    for (Path p : seeds) {
      List<String> lines = nonBlank(p);
      Extraction e = extract(p);
      boolean startsWithStory = lines.get(0).length() >= 150;
      if (startsWithStory) {
        assertThat(e.title()).as(p.getFileName().toString()).isNull();
      } else {
        assertThat(e.title()).as(p.getFileName().toString()).isNotNull();
        assertThat(e.title().split("\\s+").length).isGreaterThanOrEqualTo(5);
        assertThat(lines).contains(e.title());
      }
    }
  }

  @Test
  void shouldFindTheDatelinePlaceOfBothShapes() throws Exception {
    List<String> datelines = new ArrayList<>();
    for (Path p : seeds) {
      Extraction e = extract(p);
      if (e.dateline() != null) {
        assertThat(e.paragraphs().get(0)).startsWith(e.dateline());
        datelines.add(e.dateline());
      }
    }
    assertThat(datelines)
        .anyMatch(d -> d.matches("^[A-Z]+( [A-Z]+)*$"))
        .anyMatch(d -> d.matches("^[A-Z][a-z]+.*, [A-Z][a-z]+$"));
  }

  @Test
  void shouldRecordEveryRemovalWithAReason() throws Exception {
    for (Path p : seeds) {
      Extraction e = extract(p);
      int kept = e.paragraphs().size() + e.removed().size() + (e.title() == null ? 0 : 1);
      assertThat(kept).as(p.getFileName().toString()).isEqualTo(nonBlank(p).size());
      assertThat(e.removed())
          .allSatisfy(r -> assertThat(r.reason()).matches("(rule|density):[a-z-]+|learned:outlet"));
      assertThat(e.language()).isEqualTo("en");
    }
  }

  private static List<String> nonBlank(Path p) throws IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .toList();
  }
}
