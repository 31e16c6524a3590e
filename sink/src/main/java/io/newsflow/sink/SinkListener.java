package io.newsflow.sink;

import io.newsflow.schemas.EnrichedArticle;

/** Told about every article the sink has durably handled (after its batch was written). */
@FunctionalInterface
public interface SinkListener {
  void handled(EnrichedArticle article, ArticleWriter.Outcome outcome);

  SinkListener NONE = (a, o) -> {};
}
