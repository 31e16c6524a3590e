/**
 * Pure same-story clustering: assigns each article, as it arrives, to the open story it reports (or
 * a new one), marks near-copies, and merges stories that turn out to be one. No Kafka here.
 */
package io.newsflow.enrich.story;
