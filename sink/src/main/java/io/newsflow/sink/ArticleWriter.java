package io.newsflow.sink;

import io.newsflow.schemas.EnrichedArticle;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * A destination for enriched articles. Implementations are idempotent per article id and version.
 */
public interface ArticleWriter extends AutoCloseable {
  /** What became of one article. */
  enum Outcome {
    WRITTEN,
    REPLACED,
    DUPLICATE,
    STALE
  }

  /**
   * Writes a batch durably: when this returns, the batch survives a crash, so the consumer may
   * commit its offsets.
   *
   * @return one outcome per article, in order
   */
  List<Outcome> write(List<EnrichedArticle> batch) throws IOException;

  /**
   * Removes articles that were taken down (tombstones), durably.
   *
   * @return how many were present and removed; the default writer keeps everything and returns 0
   */
  default int remove(Collection<String> ids) throws IOException {
    return 0;
  }

  @Override
  void close() throws IOException;
}
