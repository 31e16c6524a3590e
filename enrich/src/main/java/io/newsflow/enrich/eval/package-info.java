/**
 * Extraction evaluation: the article-extraction benchmark metric and a run over a folder of pages.
 * Pure, no Kafka.
 */
package io.newsflow.enrich.eval;
