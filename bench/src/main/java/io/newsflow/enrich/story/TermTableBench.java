package io.newsflow.enrich.story;

import io.newsflow.bench.story.StoryBench;
import java.util.SplittableRandom;

/**
 * Heap a counted term takes in the story step's term table: the live heap (after full collections)
 * with N distinct name-like terms counted, minus the live heap before. It sizes {@link
 * StorySettings#HEAP_BYTES_PER_TERM}. In this package because the table is not public.
 *
 * <pre>
 * java -Xmx2g -cp "$(cat /tmp/bench.cp):bench/target/classes" io.newsflow.enrich.story.TermTableBench 800000
 * </pre>
 */
public final class TermTableBench {
  private static final String[] SYLLABLES =
      "ka lo mi ra ve to sa ni dor bel fen gar hal jun kor lin mar nov pel quin".split(" ");

  private TermTableBench() {}

  public static void main(String[] args) {
    int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    SplittableRandom random = new SplittableRandom(7);
    long before = StoryBench.liveHeap();
    TermStats stats = new TermStats(Integer.MAX_VALUE);
    StringBuilder text = new StringBuilder();
    while (stats.size() < wanted) {
      // an article bringing a dozen new words and numbers, as an event of a news stream does
      text.setLength(0);
      for (int w = 0; w < 12; w++) {
        for (int s = 0; s < 3; s++) {
          text.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        text.append(' ').append(random.nextInt(1_000_000)).append(" the ");
      }
      stats.add(StoryFeatures.of("headline", text.toString()));
    }
    long after = StoryBench.liveHeap();
    System.out.printf(
        "%,d terms counted: %.1f bytes of live heap a term (%d MB)%n",
        stats.size(), (after - before) / (double) stats.size(), (after - before) >> 20);
  }
}
