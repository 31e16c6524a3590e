package io.newsflow.enrich.tag;

import io.newsflow.enrich.text.LanguageDetector;

/** An article prepared for tagging: its fields, and its language, detected on first need. */
final class Article {
  final Field[] fields;
  private final String title;
  private final String text;
  private final java.util.Set<String> known;
  private final java.util.Set<String> entityTypes;
  private String language;
  private boolean resolved;

  /**
   * @param known the languages the taxonomy has language-specific cues for; a detected language
   *     outside them is treated as unknown (all cues apply), since no cue of its own exists
   */
  Article(
      Field[] fields,
      String title,
      String text,
      String language,
      java.util.Set<String> known,
      java.util.Set<String> entityTypes) {
    this.fields = fields;
    this.entityTypes = entityTypes;
    this.known = known;
    this.title = title;
    this.text = text;
    this.language = language;
    this.resolved = language != null;
  }

  /**
   * The given language, else the detected one; null when detection is unsure or finds a language
   * without cues.
   */
  String language() {
    if (!resolved) {
      String detected = LanguageDetector.detect(text.isEmpty() ? title : title + "\n" + text);
      language = detected != null && known.contains(detected) ? detected : null;
      resolved = true;
    }
    return language;
  }

  /** The gazetteer types of the taxonomy. */
  java.util.Set<String> entityTypes() {
    return entityTypes;
  }
}
