/** The enrich Kafka Streams topology: small named steps around the pure text and tagging core. */
package io.newsflow.enrich.topology;
