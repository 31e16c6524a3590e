package io.newsflow.bench.sink;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Evidence;
import io.newsflow.schemas.Removal;
import io.newsflow.schemas.TopicTag;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Synthetic enriched articles of a realistic size (about 4 KB of clean text, one tag, evidence).
 */
public final class BenchArticles {
  private static final String[] WORDS =
      ("government minister border sovereignty troops agreement parliament "
              + "court election protest economy trade talks summit dispute islands treaty sanctions military "
              + "president said officials statement foreign affairs security council vote report")
          .split(" ");

  private BenchArticles() {}

  public static EnrichedArticle article(int i, long seed) {
    Random r = new Random(seed + i);
    StringBuilder text = new StringBuilder(4200);
    while (text.length() < 4000) {
      for (int w = 0; w < 18; w++) {
        text.append(WORDS[r.nextInt(WORDS.length)]).append(w == 17 ? ".\n\n" : " ");
      }
    }
    String phrase = "sovereignty";
    text.append("They defended the country's ").append(phrase).append('.');
    int start = text.indexOf(phrase);
    TopicTag tag =
        TopicTag.newBuilder()
            .setName("sovereignty")
            .setScore(0.8)
            .setTaxonomyVersion("bench")
            .setEvidence(
                List.of(
                    Evidence.newBuilder()
                        .setPhrase(phrase)
                        .setField("text")
                        .setStart(start)
                        .setEnd(start + phrase.length())
                        .setRule("sovereignty-noun")
                        .build()))
            .build();
    return EnrichedArticle.newBuilder()
        .setId(String.format("bench-%08d", i))
        .setSource("https://example.org/" + i)
        .setOutlet("Bench Outlet")
        .setTitle("Bench article " + i)
        .setText(text.toString())
        .setRemoved(
            List.of(
                Removal.newBuilder().setText("Share this article").setReason("furniture").build()))
        .setTopics(List.of(tag))
        .setLanguage("en")
        .setPublished("2026-11-20T10:00:00Z")
        .setAuthors(List.of("A. Writer"))
        .setFetchedAt(Instant.now())
        .setVersion(1)
        .setExtractorVersion("bench")
        .setTaxonomyVersion("bench")
        .build();
  }
}
