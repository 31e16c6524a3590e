package io.newsflow.sink.story;

import io.newsflow.schemas.Story;
import io.newsflow.schemas.StoryMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stories made up for tests. */
final class Stories {
  private Stories() {}

  /** A story of {@code outlets.length} articles, one per outlet, at {@code sequence}. */
  static Story story(String id, long sequence, String mergedInto, String... outlets) {
    List<StoryMember> members = new ArrayList<>();
    for (int i = 0; i < outlets.length; i++) {
      members.add(
          StoryMember.newBuilder()
              .setArticleId(id + "-a" + i)
              .setOutlet(outlets[i])
              .setLanguage(i % 2 == 0 ? "en" : "es")
              .setPublished("2026-11-20T1" + i + ":00:00Z")
              .build());
    }
    return Story.newBuilder()
        .setId(id)
        .setTitle("Title of " + id)
        .setFirstSeen("2026-11-20T10:00:00Z")
        .setLastSeen("2026-11-20T1" + (outlets.length - 1) + ":00:00Z")
        .setArticleCount(outlets.length)
        .setArticles(members)
        .setTags(Map.of("sovereignty", outlets.length))
        .setMergedInto(mergedInto)
        .setSequence(sequence)
        .build();
  }
}
