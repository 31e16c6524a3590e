/** The whole pipeline's replay, measured beside the single-thread extractor on the same pages. */
package io.newsflow.bench.pipeline;
