/**
 * The HTML path of article extraction: metadata, furniture marks, text blocks and the story
 * container. Pure, no Kafka.
 */
package io.newsflow.enrich.text.html;
