package io.newsflow.sink;

import io.newsflow.schemas.EnrichedArticle;
import java.io.IOException;
import java.util.List;

/** A destination for enriched articles. Implementations are idempotent per article id and version. */
public interface ArticleWriter extends AutoCloseable {
  /** What became of one article. */
  enum Outcome { WRITTEN, REPLACED, DUPLICATE, STALE }

  /**
   * Writes a batch durably: when this returns, the batch survives a crash, so the consumer may
   * commit its offsets.
   *
   * @return one outcome per article, in order
   */
  List<Outcome> write(List<EnrichedArticle> batch) throws IOException;

  @Override
  void close() throws IOException;
}
