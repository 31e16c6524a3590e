package io.newsflow.enrich.tag;

/**
 * One phrase that supports a tag.
 *
 * @param phrase the matched text as it stands in {@code field}
 * @param field {@code "title"} or {@code "text"}
 * @param start offset of the first char in that field (0-based, UTF-16 units)
 * @param end offset just past the last char (exclusive)
 * @param rule the taxonomy cue that matched
 */
public record Match(String phrase, String field, int start, int end, String rule) {}
