package io.newsflow.sink.story;

import io.newsflow.schemas.Story;
import java.io.IOException;
import java.util.List;

/**
 * Keeps the latest state of each story somewhere. Idempotent and order-proof: a state whose {@code
 * sequence} is not newer than the one held is skipped, so reading a batch again changes nothing.
 */
public interface StoryWriter extends AutoCloseable {
  /** Writes a batch durably before returning. */
  void write(List<Story> batch) throws IOException;

  @Override
  void close() throws IOException;
}
