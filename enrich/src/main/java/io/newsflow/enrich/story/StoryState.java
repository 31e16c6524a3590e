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

  /** How many documents hold {@code term}; zero means the term is no longer counted. */
  void putTerm(String term, int documents);

  /** The clusterer's counters (clock, arrivals, document total). */
  void putMeta(byte[] meta);
}
