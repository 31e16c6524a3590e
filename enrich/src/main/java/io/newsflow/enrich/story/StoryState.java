package io.newsflow.enrich.story;

/**
 * Where a {@link StoryClusterer} writes what changed in its window, so that the window can be
 * rebuilt after a restart (see {@link StoryClusterer#drainChanges} and {@link
 * StoryClusterer#restore}). The topology backs it with a changelogged state store; a test can back
 * it with a map.
 */
public interface StoryState {
  /** The encoded state of an open story, replacing any earlier one. */
  void putStory(String storyId, byte[] state);

  /** The story was closed (past the window, beyond the bound, or merged into another). */
  void removeStory(String storyId);

  /**
   * A record of the document-frequency table under {@code key} (a checkpoint's header or part, or
   * the terms one article counted; see docs/stories.md, State); null bytes remove the record. Hand
   * every record back to {@link StoryClusterer#restore} under the same key.
   */
  void putTerms(String key, byte[] bytes);

  /**
   * Removes one term's count as the previous layout stored it (one entry a term), once a checkpoint
   * written in the same drain holds it.
   */
  void removeOldTerm(String term);

  /** The clusterer's counters (clock, arrivals, document total). */
  void putMeta(byte[] meta);
}
