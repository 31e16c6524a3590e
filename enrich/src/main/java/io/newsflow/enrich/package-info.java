/** The enrich stage: a Kafka Streams application around the pure text and tagging core. */
package io.newsflow.enrich;
