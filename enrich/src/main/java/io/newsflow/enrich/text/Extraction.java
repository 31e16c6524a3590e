package io.newsflow.enrich.text;

import java.util.List;
import java.util.Objects;

/**
 * What the extractor found in one page or scraped text. Immutable; string fields are null when not
 * found, lists are never null.
 *
 * @param title headline without the site-name suffix
 * @param paragraphs the article body, one entry per paragraph, subheading, list item block or quote
 * @param removed every line or block that was dropped, with the reason
 * @param language ISO 639-1 code, or null
 * @param published ISO-8601 publication time (with zone when the page gives one), or null
 * @param modified ISO-8601 modification time, or null
 * @param authors byline names in order
 * @param dateline the dateline at the start of the body ("MEXICO CITY (Reuters) -"), or null
 * @param siteName outlet/site name as the page states it, or null
 * @param canonicalUrl canonical URL of the article, or null
 * @param imageUrl lead image URL, or null
 */
public record Extraction(
    String title,
    List<String> paragraphs,
    List<Removed> removed,
    String language,
    String published,
    String modified,
    List<String> authors,
    String dateline,
    String siteName,
    String canonicalUrl,
    String imageUrl) {

  public Extraction {
    paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
    removed = List.copyOf(Objects.requireNonNull(removed, "removed"));
    authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
  }

  /** The clean body: paragraphs separated by one blank line. */
  public String text() {
    return String.join("\n\n", paragraphs);
  }
}
