package io.newsflow.ingest;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces raw articles to {@code news.raw} and ingest's dead letters to {@code news.dlq}:
 * idempotent, acks=all, so a retried send never duplicates. A send that finally fails is rethrown
 * at the next call or at {@link #flush()}, never dropped.
 */
public final class KafkaRawSink implements RawSink, AutoCloseable {
  /** Largest record ingest produces; the topics are created to accept it. */
  public static final int MAX_REQUEST_BYTES = 26 * 1024 * 1024;

  private final KafkaProducer<String, byte[]> producer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Callback onDone = (meta, e) -> {
    if (e != null) {
      failure.compareAndSet(null, e);
    }
  };

  /** @param clientProps Kafka client properties ({@code bootstrap.servers} at least) */
  public KafkaRawSink(Map<String, Object> clientProps) {
    Map<String, Object> p = new HashMap<>(clientProps);
    p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    p.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public void article(RawArticle article) {
    rethrow();
    byte[] value = Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), article);
    producer.send(new ProducerRecord<>(Topics.RAW.name(), article.getId(), value), onDone);
  }

  @Override
  public void deadLetter(DeadLetter letter) {
    rethrow();
    byte[] value = Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), letter);
    producer.send(new ProducerRecord<>(Topics.DLQ.name(), letter.getArticleId(), value), onDone);
  }

  /** Waits until everything sent so far is acknowledged; throws if any send failed. */
  public void flush() {
    producer.flush();
    rethrow();
  }

  @Override
  public void close() {
    producer.close();
  }

  private void rethrow() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("producing to Kafka failed: " + e.getMessage(), e);
    }
  }
}
