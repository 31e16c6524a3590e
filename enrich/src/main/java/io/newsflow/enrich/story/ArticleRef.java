package io.newsflow.enrich.story;

import java.time.Instant;

/**
 * One article of a story.
 *
 * @param id the article's id
 * @param outlet the outlet's name, or null when unknown
 * @param language the article's language code, or null when unknown
 * @param published its publication time, or null when unknown
 * @param duplicateOf the id of the earlier article of the story it is a near-copy of, or null
 */
public record ArticleRef(
    String id, String outlet, String language, Instant published, String duplicateOf) {}
