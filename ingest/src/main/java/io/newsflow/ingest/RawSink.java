package io.newsflow.ingest;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;

/** Where a source puts what it obtained: a raw article, or a dead letter for what it lost. */
public interface RawSink {
  void article(RawArticle article);

  void deadLetter(DeadLetter letter);
}
