package io.newsflow.enrich.retag;

import io.newsflow.enrich.tag.Tag;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.topology.Records;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.DeadLetters;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Tags every article already on a topic ({@code news.enriched} by default) again with another
 * taxonomy and writes the results to a topic of their own, each record naming the taxonomy version
 * that tagged it. It reads from the beginning to the end offsets seen at start, with no consumer
 * group, so the live pipeline's groups, offsets and topics are untouched; the target topic is
 * compacted by id, so running it again replaces rather than duplicates.
 */
public final class Retagger {
  /**
   * What a run did. Every count is of records the broker acknowledged: a record counts as re-tagged
   * or dead-lettered only once its send succeeded.
   *
   * @param failed records the broker refused (neither re-tagged nor dead-lettered)
   * @param firstFailure why the first of them was refused, or null when none was
   */
  public record Report(
      long retagged,
      long deadLettered,
      Map<String, Long> tagCounts,
      long failed,
      String firstFailure) {}

  private final Map<String, Object> clientProps;
  private final Tagger tagger;

  public Retagger(Map<String, Object> clientProps, Tagger tagger) {
    this.clientProps = Map.copyOf(clientProps);
    this.tagger = tagger;
  }

  /** The default target topic for a taxonomy version: {@code news.retagged.<version>}. */
  public static String defaultTarget(String taxonomyVersion) {
    return "news.retagged."
        + taxonomyVersion.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
  }

  /**
   * Re-tags {@code source} into {@code target} (which must exist); {@code progress} gets records
   * done.
   */
  public Report run(String source, String target, LongConsumer progress) {
    Map<String, Object> c = new HashMap<>(clientProps);
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, Object> p = new HashMap<>(clientProps);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    Acks acks = new Acks(progress);
    try (KafkaConsumer<String, byte[]> consumer =
            new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(source).stream()
              .map(i -> new TopicPartition(source, i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (!caughtUp(consumer, end)) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            send(producer, r, target, acks);
          }
        }
      }
      producer.flush();
    }
    return acks.report();
  }

  private void send(
      KafkaProducer<String, byte[]> producer,
      ConsumerRecord<String, byte[]> r,
      String target,
      Acks acks) {
    EnrichedArticle a;
    try {
      a =
          retag(
              Topics.ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value()),
              tagger);
    } catch (RuntimeException e) {
      DeadLetter d = DeadLetters.forRecord("retag", String.valueOf(e.getMessage()), r, e);
      producer.send(
          new ProducerRecord<>(
              Topics.DLQ.name(),
              r.key(),
              Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), d)),
          (meta, error) -> acks.deadLettered(error));
      return;
    }
    producer.send(
        new ProducerRecord<>(
            target, r.key(), Topics.ENRICHED.valueSerde().serializer().serialize(target, a)),
        (meta, error) -> acks.retagged(a, error));
  }

  /** Counts what the broker acknowledged; called from the producer's I/O thread. */
  private static final class Acks {
    private final LongConsumer progress;
    private final AtomicLong retagged = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    Acks(LongConsumer progress) {
      this.progress = progress;
    }

    void retagged(EnrichedArticle a, Exception error) {
      if (failedWith(error)) {
        return;
      }
      a.getTopics().forEach(t -> counts.merge(t.getName(), 1L, Long::sum));
      progress.accept(retagged.incrementAndGet() + dead.get());
    }

    void deadLettered(Exception error) {
      if (!failedWith(error)) {
        progress.accept(retagged.get() + dead.incrementAndGet());
      }
    }

    private boolean failedWith(Exception error) {
      if (error == null) {
        return false;
      }
      failed.incrementAndGet();
      firstFailure.compareAndSet(null, error.toString());
      return true;
    }

    Report report() {
      return new Report(
          retagged.get(), dead.get(), new TreeMap<>(counts), failed.get(), firstFailure.get());
    }
  }

  /** The article with its topics replaced by what {@code tagger} says of its title and text. */
  public static EnrichedArticle retag(EnrichedArticle a, Tagger tagger) {
    if (a == null) {
      throw new IllegalArgumentException("tombstone: no article to re-tag");
    }
    List<Tag> tags =
        tagger.tag(a.getTitle() == null ? "" : a.getTitle(), a.getText(), a.getLanguage());
    return EnrichedArticle.newBuilder(a)
        .setTopics(Records.topics(tags, tagger.version()))
        .setTaxonomyVersion(tagger.version())
        .build();
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
