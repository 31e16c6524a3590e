package io.newsflow.enrich.story;

import java.util.List;

/**
 * What the story step decided for one article.
 *
 * @param articleId the article's id
 * @param storyId the story it now belongs to
 * @param duplicateOf the id of an earlier article it is a near-copy of, or null
 * @param changed every story whose state changed: the article's story first, then any story merged
 *     into it (those carry {@code mergedInto})
 */
public record Assignment(
    String articleId, String storyId, String duplicateOf, List<StorySnapshot> changed) {}
