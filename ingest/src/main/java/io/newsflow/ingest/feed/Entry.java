package io.newsflow.ingest.feed;

import java.time.Instant;

/**
 * An article a source lists.
 *
 * @param url the article's URL as listed (absolute, not yet canonicalized)
 * @param changedAt when the source says it last changed (updated, lastmod or publication date);
 *     null when the source says nothing
 */
public record Entry(String url, Instant changedAt) {}
