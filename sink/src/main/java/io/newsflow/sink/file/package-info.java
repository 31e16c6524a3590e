/**
 * Files for downstream readers: rolled, atomically published segments (JSON Lines or Avro) whose
 * Kafka offsets are recorded in a manifest, plus the latest-version-per-id view {@code
 * articles.jsonl}.
 */
package io.newsflow.sink.file;
