package io.newsflow.sink.file;

import java.util.Locale;

/** The encoding of the rolled segment files. */
public enum FileFormat {
  /** One JSON object per line ({@code .jsonl}), the form {@code ArticleJson} defines. */
  JSONL("jsonl"),
  /**
   * Avro object-container files ({@code .avro}), schema embedded: the union {@code
   * [EnrichedArticle, ArticleRemoved]}, so a take-down is recorded too (files written before it
   * have the plain {@code EnrichedArticle} schema).
   */
  AVRO("avro");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** {@code jsonl} or {@code avro}, any case. */
  public static FileFormat parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown file format '" + name + "' (jsonl or avro)", e);
    }
  }
}
