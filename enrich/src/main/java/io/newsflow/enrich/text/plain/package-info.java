/**
 * The plain-text path of article extraction: each scraped line classified as story or boilerplate.
 * Pure, no Kafka.
 */
package io.newsflow.enrich.text.plain;
