/**
 * The contract between stages: Avro records (generated from {@code src/main/avro}), their
 * single-object codec with every past schema version, and the catalogue of topics.
 */
package io.newsflow.schemas;
