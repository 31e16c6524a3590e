/** Sources of raw articles and the thin producer that writes them to {@code news.raw}. */
package io.newsflow.ingest;
