/**
 * Writers of enriched articles, and the consumer loop that feeds them from {@code news.enriched}.
 */
package io.newsflow.sink;
