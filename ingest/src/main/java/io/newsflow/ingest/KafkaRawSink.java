package io.newsflow.ingest;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

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
  private final Callback onDone =
      (meta, e) -> {
        if (e != null) {
          failure.compareAndSet(null, e);
        }
      };

  /**
   * @param clientProps Kafka client properties ({@code bootstrap.servers} at least)
   */
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
    producer.send(
        new ProducerRecord<>(Topics.RAW.name(), partitionFor(article), article.getId(), value),
        onDone);
  }

  @Override
  public void deadLetter(DeadLetter letter) {
    rethrow();
    byte[] value = Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), letter);
    producer.send(new ProducerRecord<>(Topics.DLQ.name(), letter.getArticleId(), value), onDone);
  }

  /**
   * Says that an article was taken down: a tombstone (null value) for its id on the compacted
   * {@code news.articles}, so consumers of the latest-articles view drop it.
   */
  public void tombstone(String articleId) {
    rethrow();
    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), articleId, null), onDone);
  }

  /**
   * An outlet's articles share a partition, so the enrich task that learns the outlet's recurring
   * boilerplate sees all of them; articles without an outlet spread by id.
   */
  private Integer partitionFor(RawArticle article) {
    String outlet = article.getOutlet();
    if (outlet == null || outlet.isBlank()) {
      return null;
    }
    int partitions = producer.partitionsFor(Topics.RAW.name()).size();
    byte[] key = outlet.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
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
