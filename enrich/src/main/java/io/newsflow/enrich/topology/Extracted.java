package io.newsflow.enrich.topology;

import io.newsflow.enrich.text.Extraction;
import io.newsflow.schemas.RawArticle;

/** A raw article and what the extractor found in it. */
record Extracted(RawArticle raw, Extraction extraction) {}
