/** Tagging benchmarks: speed of the pure tagger, printed, never asserted. */
package io.newsflow.bench.tag;
