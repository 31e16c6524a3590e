package io.newsflow.sink;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code news.enriched} (committed transactions only) into an {@link ArticleWriter}: each
 * polled batch is written durably, then its offsets are committed. A crash between the two re-reads
 * the batch, and the writer's idempotence turns the re-read into duplicates it skips. A value that
 * cannot be decoded becomes a dead letter with its coordinates.
 */
public final class SinkRunner implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);
  public static final String DEFAULT_GROUP = "newsflow-sink";

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> deadLetters;
  private final ArticleWriter writer;
  private final SinkListener listener;
  private volatile boolean running = true;

  /**
   * @param clientProps Kafka client properties ({@code bootstrap.servers} at least; {@code group.id}
   *     defaults to {@value #DEFAULT_GROUP})
   */
  public SinkRunner(Map<String, Object> clientProps, ArticleWriter writer, SinkListener listener) {
    Map<String, Object> c = new HashMap<>(clientProps);
    c.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    Map<String, Object> p = new HashMap<>(clientProps);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    this.deadLetters = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    this.writer = writer;
    this.listener = listener;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(Topics.ENRICHED.name()));
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          handle(records);
          consumer.commitSync();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
      deadLetters.close(Duration.ofSeconds(5));
      try {
        writer.close();
      } catch (IOException e) {
        LOG.warn("closing the writer failed", e);
      }
    }
  }

  private void handle(ConsumerRecords<String, byte[]> records) {
    List<EnrichedArticle> batch = new ArrayList<>(records.count());
    for (ConsumerRecord<String, byte[]> r : records) {
      try {
        EnrichedArticle a = Topics.ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value());
        if (a == null) {
          throw new IllegalArgumentException("null value (tombstone) on " + r.topic());
        }
        batch.add(a);
      } catch (RuntimeException e) {
        deadLetter(r, e);
      }
    }
    try {
      List<ArticleWriter.Outcome> outcomes = writer.write(batch);
      deadLetters.flush();
      for (int i = 0; i < batch.size(); i++) {
        listener.handled(batch.get(i), outcomes.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the sink failed; offsets not committed", e);
    }
  }

  private void deadLetter(ConsumerRecord<String, byte[]> r, RuntimeException e) {
    LOG.warn("undecodable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
    DeadLetter d = DeadLetter.newBuilder()
        .setStage("sink").setReason("cannot decode enriched article: " + e.getMessage())
        .setErrorClass(e.getClass().getName()).setArticleId(r.key())
        .setTopic(r.topic()).setPartition(r.partition()).setOffset(r.offset())
        .setKey(r.key() == null ? null : ByteBuffer.wrap(r.key().getBytes(StandardCharsets.UTF_8)))
        .setValue(r.value() == null ? null : ByteBuffer.wrap(r.value()))
        .setFailedAt(Instant.now()).build();
    deadLetters.send(new ProducerRecord<>(Topics.DLQ.name(), r.key(),
        Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), d)));
  }

  /** Asks the loop to stop after the current batch; safe from any thread. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
  }
}
