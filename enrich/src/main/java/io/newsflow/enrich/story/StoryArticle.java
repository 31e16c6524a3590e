package io.newsflow.enrich.story;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
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

  /**
   * A publication time as the extractor and most feeds write it, as an instant: an ISO-8601 instant
   * or date-time with an offset or a zone, a local date-time or a date (both read as UTC); null
   * when absent or not readable. The pipeline and {@code newsflow stories} read dates with this one
   * function, so a file gives the stories the topology would.
   */
  public static Instant publishedAt(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return ZonedDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
