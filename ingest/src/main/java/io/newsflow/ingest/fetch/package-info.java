/**
 * Polite, bounded and guarded HTTP fetching: robots.txt, per-host pacing, conditional GET, size and
 * decompression caps, redirect limits, an address guard against server-side request forgery, and
 * charset and binary-content detection of what came back.
 */
package io.newsflow.ingest.fetch;
