package io.newsflow.enrich.tag;

import io.newsflow.enrich.text.LanguageDetector;

/** An article prepared for tagging: its fields, and its language, detected on first need. */
final class Article {
  final Field[] fields;
  private final String title;
  private final String text;
  private String language;
  private boolean resolved;

  Article(Field[] fields, String title, String text, String language) {
    this.fields = fields;
    this.title = title;
    this.text = text;
    this.language = language;
    this.resolved = language != null;
  }

  /** The given language, else the detected one; null when detection is not confident. */
  String language() {
    if (!resolved) {
      language = LanguageDetector.detect(text.isEmpty() ? title : title + "\n" + text);
      resolved = true;
    }
    return language;
  }
}
