package io.newsflow.enrich.story;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One article as the story step sees it.
 *
 * @param id the article's id, never null
 * @param title the headline, may be empty, never null
 * @param text the body, may be empty, never null
 * @param outlet the outlet's name, or null when unknown
 * @param published the publication time, or null when unknown (the story clock then stays where it
 *     was)
 * @param language an ISO 639-1 code ("en", "es"), or null when unknown
 * @param tags the article's topic tag names, never null
 */
public record StoryArticle(
    String id,
    String title,
    String text,
    String outlet,
    Instant published,
    String language,
    List<String> tags) {
  public StoryArticle {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
