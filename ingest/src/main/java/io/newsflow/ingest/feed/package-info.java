/**
 * Reading what outlets publish about their articles: RSS/Atom/RDF feeds, sitemaps (indexes, gzip,
 * news sitemaps) and the links of seed pages, into entries with a change date. XML external
 * entities and DOCTYPEs are never resolved.
 */
package io.newsflow.ingest.feed;
