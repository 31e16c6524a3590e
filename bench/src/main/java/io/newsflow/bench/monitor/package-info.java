/**
 * The monitoring bench: thousands of feeds polled against a local outlet server; prints throughput
 * and memory.
 */
package io.newsflow.bench.monitor;
