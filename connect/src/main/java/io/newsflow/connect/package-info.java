/**
 * Kafka Connect support: a converter that turns newsflow's Avro single-object records into Connect
 * {@code Struct}s, resolving every writer version through the shipped schema history.
 */
package io.newsflow.connect;
