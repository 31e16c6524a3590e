package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regression gate for tagging quality (docs/tagging.md): the shipped taxonomy and its models
 * tag the development sets and the validation sets, and each figure must stay at or above the floor
 * below it. A floor sits a little under the figure measured when it was set; raise it when the
 * tagger gets better, never lower it to let a change through.
 *
 * <p>Reads {@code ../shared/bench} (always beside the project in CI).
 */
class TaggingQualityGateTest {
  private static final Path SHARED = Path.of("../../shared/bench");
  private static final Path OWN = Path.of("src/test/resources/tag");
  private static final Set<String> LABELS = Set.of("sovereignty", "intervention");
  private static Tagger tagger;

  @BeforeAll
  static void load() {
    tagger = Tagger.loadDefault();
  }

  /** Precision, recall and counts of one label over a set. */
  record Score(int tp, int fp, int fn) {
    double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Score plus(Score o) {
      return new Score(tp + o.tp, fp + o.fp, fn + o.fn);
    }
  }

  static Score score(List<TagData.Item> items, String label) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (TagData.Item item : items) {
      boolean gold = item.labels().contains(label);
      boolean predicted =
          tagger.tag(item.title(), item.text(), item.lang()).stream()
              .anyMatch(t -> t.name().equals(label));
      tp += gold && predicted ? 1 : 0;
      fp += !gold && predicted ? 1 : 0;
      fn += gold && !predicted ? 1 : 0;
    }
    return new Score(tp, fp, fn);
  }

  static Score micro(List<TagData.Item> items) {
    return LABELS.stream().map(l -> score(items, l)).reduce(new Score(0, 0, 0), Score::plus);
  }

  private static List<TagData.Item> shared(String file, Predicate<TagData.Item> keep)
      throws IOException {
    Path p = SHARED.resolve(file);
    assumeTrue(Files.exists(p), "../shared/bench is not beside the project: " + p.toAbsolutePath());
    return TagData.jsonl(p).stream().filter(keep).toList();
  }

  @Test
  void realNewsKeepsPrecisionAndRecallOfEachLabel() throws IOException {
    List<TagData.Item> real = shared("tagging/real-dev.jsonl", i -> true);
    for (String label : LABELS) {
      Score s = score(real, label);
      assertThat(s.precision())
          .as(label + " precision on real-dev " + s)
          .isGreaterThanOrEqualTo(0.85);
      assertThat(s.recall()).as(label + " recall on real-dev " + s).isGreaterThanOrEqualTo(0.70);
    }
  }

  @Test
  void devSetKeepsMicroF1InEachLanguage() throws IOException {
    List<TagData.Item> dev = shared("tagging/dev.jsonl", i -> true);
    assertThat(micro(dev).f1()).as("micro-F1 on dev.jsonl").isGreaterThanOrEqualTo(0.95);
    for (String lang : List.of("en", "es")) {
      List<TagData.Item> part = dev.stream().filter(i -> lang.equals(i.lang())).toList();
      for (String label : LABELS) {
        assertThat(score(part, label).f1())
            .as(label + " F1 on dev.jsonl, " + lang)
            .isGreaterThanOrEqualTo(0.95);
      }
    }
  }

  @Test
  void validationSetsKeepWhatWasMeasuredOnThem() throws IOException {
    List<TagData.Item> devVal = shared("tagging/dev.jsonl", i -> TagData.validation(i.id()));
    assertThat(micro(devVal).f1())
        .as("micro-F1 on dev.jsonl's validation split")
        .isGreaterThanOrEqualTo(0.95);
    List<TagData.Item> heldout8 = TagData.jsonl(OWN.resolve("heldout8.jsonl"));
    // measured 0.889 (dev-val 0.980)
    assertThat(micro(heldout8).f1()).as("micro-F1 on heldout8.jsonl").isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void offTopicWebPagesStayUntagged() throws IOException {
    Path gold = SHARED.resolve("extraction/wcxb-dev/ground-truth.json");
    assumeTrue(Files.exists(gold), "../shared/bench is not beside the project");
    List<TagData.Item> pages = TagData.wcxb(gold, OWN.resolve("wcxb-labels.jsonl"));
    Score s = micro(pages);
    // 1,337 pages, 5 labels on them: a tag on any other page is a false positive (measured 1;
    // 40 before the article-level models)
    assertThat(s.fp()).as("false tags on the WCXB pages " + s).isLessThanOrEqualTo(3);
  }
}
