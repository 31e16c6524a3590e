/**
 * Per-outlet learned boilerplate: lines an outlet repeats across its articles, counted in a bounded
 * sketch. Pure, no Kafka.
 */
package io.newsflow.enrich.text.learn;
