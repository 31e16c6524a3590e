package io.newsflow.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's metric against hand-worked cases. */
class BCubedTest {
  @Test
  void shouldScorePerfectClusteringOneAndAllSingletonsByRecall() {
    Map<String, String> gold = Map.of("a", "x", "b", "x", "c", "y");
    assertThat(BCubed.f1(gold, Map.of("a", "1", "b", "1", "c", "2"))).isEqualTo(1.0);
    // singletons: P = 1, R = (1/2 + 1/2 + 1) / 3 = 2/3, F1 = 0.8
    assertThat(BCubed.f1(gold, Map.of("a", "1", "b", "2", "c", "3"))).isCloseTo(0.8, within(1e-9));
  }
}
