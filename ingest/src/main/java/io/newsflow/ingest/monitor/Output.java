package io.newsflow.ingest.monitor;

import io.newsflow.ingest.KafkaRawSink;
import io.newsflow.ingest.RawSink;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;

/**
 * Where the monitor produces: a {@link RawSink} that can also wait until everything sent is safe.
 */
public interface Output extends RawSink {
  /** Blocks until everything sent so far is acknowledged; throws if anything was lost. */
  void flush();

  /** The Kafka producer as an output. */
  static Output of(KafkaRawSink kafka) {
    return new Output() {
      @Override
      public void article(RawArticle article) {
        kafka.article(article);
      }

      @Override
      public void deadLetter(DeadLetter letter) {
        kafka.deadLetter(letter);
      }

      @Override
      public void flush() {
        kafka.flush();
      }
    };
  }
}
