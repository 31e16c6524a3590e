package io.newsflow.sink;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Evidence;
import io.newsflow.schemas.TopicTag;
import java.time.Instant;
import java.util.List;

/** Articles made up for tests. */
public final class Articles {
  private Articles() {}

  public static EnrichedArticle article(String id, int version, String text) {
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setSource(id + ".txt")
        .setOutlet("Test Outlet")
        .setTitle("Title " + id)
        .setText(text)
        .setRemoved(List.of())
        .setTopics(List.of())
        .setLanguage("en")
        .setPublished("2026-11-20T10:00:00Z")
        .setFetchedAt(Instant.parse("2026-11-21T05:00:00Z"))
        .setVersion(version)
        .setExtractorVersion("x1")
        .setTaxonomyVersion("t1")
        .build();
  }

  /** An article tagged {@code topic}, with one piece of evidence pointing into its text. */
  public static EnrichedArticle tagged(
      String id, int version, String text, String topic, String phrase) {
    int start = text.indexOf(phrase);
    Evidence e =
        Evidence.newBuilder()
            .setPhrase(phrase)
            .setField("text")
            .setStart(start)
            .setEnd(start + phrase.length())
            .setRule("cue:" + phrase)
            .build();
    TopicTag t =
        TopicTag.newBuilder()
            .setName(topic)
            .setScore(0.9)
            .setTaxonomyVersion("t1")
            .setEvidence(List.of(e))
            .build();
    EnrichedArticle a = article(id, version, text);
    a.setTopics(List.of(t));
    return a;
  }
}
