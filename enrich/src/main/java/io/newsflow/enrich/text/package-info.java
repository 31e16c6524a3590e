/**
 * Pure article extraction: from HTML or scraped text to a clean body, metadata and a removal log.
 * No Kafka here.
 */
package io.newsflow.enrich.text;
