/** URL canonicalization: one spelling per article, so every fetch of it gets the same id. */
package io.newsflow.ingest.canon;
