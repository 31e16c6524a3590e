package io.newsflow.enrich.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A story as it stands: what {@code news.stories} carries under the story's id.
 *
 * @param id the story's id: "story-" and the id of the article that opened it
 * @param title the headline of the first article that had one
 * @param firstSeen the earliest publication time of its articles, or null when none had one
 * @param lastSeen the latest publication time of its articles, or null when none had one
 * @param articleCount how many articles it holds (also those no longer listed)
 * @param articles its articles in arrival order, the most recent {@link Story#MAX_LISTED} at most
 * @param tags each topic tag of its articles with the number of articles that carry it
 * @param mergedInto the id of the story this one was merged into, or null while it stands alone
 */
public record StorySnapshot(
    String id,
    String title,
    Instant firstSeen,
    Instant lastSeen,
    int articleCount,
    List<ArticleRef> articles,
    Map<String, Integer> tags,
    String mergedInto) {
  /** The distinct outlets of its listed articles, in first-seen order (unknown ones left out). */
  public List<String> outlets() {
    return articles.stream().map(ArticleRef::outlet).filter(o -> o != null).distinct().toList();
  }
}
