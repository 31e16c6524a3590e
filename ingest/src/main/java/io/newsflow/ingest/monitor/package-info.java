/**
 * Continuous monitoring of outlets: the outlets file, the poll scheduler with its per-host
 * frontier, and the seen-URL store that makes monitoring incremental across restarts.
 */
package io.newsflow.ingest.monitor;
