/** Benchmarks: JMH and bench commands that print numbers (never asserted in tests). */
package io.newsflow.bench;
