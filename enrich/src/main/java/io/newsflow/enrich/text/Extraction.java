package io.newsflow.enrich.text;

import java.util.List;
import java.util.Objects;

/**
 * What the extractor found in one page or scraped text. Immutable; string fields are null when not
 * found, lists are never null.
 *
 * @param title headline without the site-name suffix; null (never blank) when there is none
 * @param paragraphs the article body, one entry per paragraph, subheading, list item block or quote
 * @param removed every line or block that was dropped, with the reason
 * @param language ISO 639-1 code, or null
 * @param published ISO-8601 publication date ("2026-11-20") or time ("2026-11-20T10:15:00-05:00",
 *     with an offset only when the source gives a zone), from the structured metadata, else a date
 *     line in the text, else a date in the URL's path; null if unknown. Always ISO-8601: a
 *     structured value that is no date is skipped for the next source.
 * @param modified ISO-8601 modification time (from the metadata, else an "Updated" date line), or
 *     null
 * @param authors byline names in order, without "By", agencies, roles or dates; no duplicates
 * @param dateline the place of the dateline at the start of the body, without agency, date or
 *     punctuation ("MEXICO CITY", "Mexico City, Mexico", "BUFFALO, N.Y."), or null
 * @param siteName outlet/site name as the page or text states it (metadata, title suffix, masthead,
 *     copyright line, else the agency of the dateline or byline), or null
 * @param canonicalUrl canonical URL of the article, or null
 * @param imageUrl lead image URL, or null
 * @param pageKind what kind of page this is (an article, a live blog, a listing…); never null
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
    String imageUrl,
    PageKind pageKind) {

  public Extraction {
    Objects.requireNonNull(pageKind, "pageKind");
    paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
    removed = List.copyOf(Objects.requireNonNull(removed, "removed"));
    authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
  }

  /** An extraction of an article page (the kind of page plain text always is). */
  public Extraction(
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
    this(
        title,
        paragraphs,
        removed,
        language,
        published,
        modified,
        authors,
        dateline,
        siteName,
        canonicalUrl,
        imageUrl,
        PageKind.ARTICLE);
  }

  /** The clean body: paragraphs separated by one blank line. */
  public String text() {
    return String.join("\n\n", paragraphs);
  }
}
