package io.newsflow.ingest.monitor;

import java.time.Instant;

/**
 * A snapshot of one outlet's monitoring, for live status lines.
 *
 * @param outlet the outlet's name
 * @param polls polls completed
 * @param newArticles articles produced for the first time
 * @param updatedArticles new versions produced of known articles
 * @param errors faults counted (fetch, parse, content), each also logged
 * @param deadLetters dead letters produced
 * @param lastError the latest fault's reason, or null
 * @param lastPollAt when the latest poll completed, or null
 * @param nextPollAt when the next poll starts, or null while one runs
 * @param waitingFor while a poll runs, what it has waited for longest, e.g. {@code fetching
 *     https://x.example/feed.xml for 42 s (and 3 more)}; null otherwise
 */
public record OutletStatus(
    String outlet,
    long polls,
    long newArticles,
    long updatedArticles,
    long errors,
    long deadLetters,
    String lastError,
    Instant lastPollAt,
    Instant nextPollAt,
    String waitingFor) {}
