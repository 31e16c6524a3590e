package io.newsflow.sink;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.DeadLetters;
import io.newsflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's dead letters on {@code news.dlq}, one per undecodable record and sink group.
 *
 * <p>A batch's dead letters are flushed before the batch goes to the sink, so a crash in between
 * makes the runner read the batch again. This class therefore remembers, per source partition, the
 * offsets whose dead letters are already on the topic but not yet behind a stored position: those
 * sent in this run, and those an earlier run sent, which {@link #recover} finds by reading the
 * topic from the last commit on. A record met again at such an offset is not sent a second time.
 *
 * <p>Each dead letter carries the header {@value #GROUP_HEADER} (the sink's consumer group, UTF-8):
 * the file and PostgreSQL sinks read the same topics in different groups, and each recognises only
 * its own. Not thread-safe: the runner's thread calls every method.
 */
final class SinkDeadLetters implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkDeadLetters.class);

  /** Kafka header naming the sink group that produced a dead letter. */
  static final String GROUP_HEADER = "newsflow.sink.group";

  /** The {@code stage} of the sink's dead letters. */
  static final String STAGE = "sink";

  /**
   * Dead letters carry the producer's clock; a stored position may carry another host's (the
   * PostgreSQL server's, or a previous sink's). The scan starts this much before the last commit.
   */
  static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

  /** Prefix of the consumer group's offset metadata that carries a commit time. */
  private static final String STAMP = "newsflow.committedAt=";

  private final KafkaProducer<String, byte[]> producer;
  private final byte[] group;
  private final DeadLetterScan scan;
  private final Map<TopicPartition, NavigableSet<Long>> onTopic = new HashMap<>();
  // set by the producer's I/O thread, read after flush()
  private volatile Exception failure;

  SinkDeadLetters(Map<String, Object> clientProps, String group) {
    this.group = group.getBytes(StandardCharsets.UTF_8);
    this.scan = new DeadLetterScan(clientProps, this.group);
    Map<String, Object> p = new HashMap<>(clientProps);
    p.remove("group.id");
    // acks=all: a flushed dead letter is below the high watermark, where recover() finds it; the
    // producer is idempotent by default, so its own retries add no copies either
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** Dead-letters {@code r}, which could not be decoded, unless this group already did. */
  void send(ConsumerRecord<String, byte[]> r, RuntimeException cause) {
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    NavigableSet<Long> sent = onTopic.computeIfAbsent(tp, k -> new TreeSet<>());
    if (sent.contains(r.offset())) {
      LOG.info("{}@{} read again: its dead letter is already on {}", tp, r.offset(), topic());
      return;
    }
    LOG.warn("undecodable record at {}@{}: {}", tp, r.offset(), cause.toString());
    DeadLetter d =
        DeadLetters.forRecord(
            STAGE, "cannot decode enriched article: " + cause.getMessage(), r, cause);
    RecordHeaders headers = new RecordHeaders();
    headers.add(GROUP_HEADER, group);
    byte[] value = Topics.DLQ.valueSerde().serializer().serialize(topic(), d);
    producer.send(
        new ProducerRecord<>(topic(), null, r.key(), value, headers),
        (metadata, e) -> {
          if (e != null) {
            failure = e;
          }
        });
    sent.add(r.offset());
  }

  /**
   * Waits until every dead letter sent so far is on the topic.
   *
   * @throws KafkaException when one could not be delivered: the batch must not reach the sink, so
   *     that it is read (and its dead letters sent) again
   */
  void flush() {
    producer.flush();
    Exception e = failure;
    if (e != null) {
      throw new KafkaException("a dead letter could not be delivered to " + topic(), e);
    }
  }

  /**
   * Remembers the dead letters an earlier run of this group produced for offsets that will be read
   * again. Called when partitions are assigned, once the consumer is positioned and before any of
   * their records is handled.
   *
   * <p>Each partition's last commit time is the sink's ({@link RecordSink#committedAt}), else the
   * one in the group's offset metadata ({@link #stamp}). A partition with neither was never taken
   * by this group, so none of its dead letters can exist; it is stamped now, before any is
   * produced, so that the next assignment has a time for it. {@code news.dlq} is then read from the
   * earliest time (less {@link #CLOCK_MARGIN}) among the partitions that have records left to read.
   *
   * @param stored the sink's stored positions; empty when the group's committed offsets are the
   *     positions
   * @throws org.apache.kafka.common.KafkaException when the group or the topic cannot be read or
   *     the stamp cannot be committed: the runner must stop rather than produce a copy
   */
  void recover(
      Consumer<String, byte[]> consumer,
      RecordSink sink,
      Collection<TopicPartition> partitions,
      Optional<Map<TopicPartition, Long>> stored) {
    Map<TopicPartition, OffsetAndMetadata> group = consumer.committed(new HashSet<>(partitions));
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Map<TopicPartition, OffsetAndMetadata> stamps = new HashMap<>();
    Map<TopicPartition, Long> resume = new HashMap<>();
    Instant since = null;
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata g = group.get(tp);
      Optional<Instant> last = sink.committedAt(tp).or(() -> stampOf(g));
      if (last.isEmpty()) {
        stamps.put(tp, new OffsetAndMetadata(consumer.position(tp), stamp(Instant.now())));
        continue;
      }
      long from = stored.map(s -> s.getOrDefault(tp, 0L)).orElse(g == null ? 0L : g.offset());
      // nothing left to read means nothing read again, whatever its dead letters; this keeps a
      // partition idle since an old commit from stretching every later scan
      if (from < ends.getOrDefault(tp, Long.MAX_VALUE)) {
        resume.put(tp, from);
        since = since == null || last.get().isBefore(since) ? last.get() : since;
      }
    }
    if (!stamps.isEmpty()) {
      consumer.commitSync(stamps);
    }
    if (since != null) {
      remember(scan.find(since.minus(CLOCK_MARGIN), resume));
    }
  }

  private void remember(Map<TopicPartition, NavigableSet<Long>> found) {
    found.forEach(
        (tp, offsets) -> onTopic.computeIfAbsent(tp, k -> new TreeSet<>()).addAll(offsets));
    if (!found.isEmpty()) {
      LOG.info("dead letters already on {} for offsets read again: {}", topic(), found);
    }
  }

  /** Forgets offsets behind the sink's durable positions: they are not read again. */
  void settled(Map<TopicPartition, Long> durable) {
    durable.forEach(
        (tp, next) -> {
          NavigableSet<Long> sent = onTopic.get(tp);
          if (sent != null) {
            sent.headSet(next).clear();
          }
        });
  }

  /** Forgets partitions this runner no longer reads; {@link #recover} runs when they come back. */
  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(onTopic::remove);
  }

  /** Offset metadata for the consumer group saying that the position was stored at {@code at}. */
  static String stamp(Instant at) {
    return STAMP + at;
  }

  /** The time in offset metadata written by {@link #stamp}; empty for anything else. */
  static Optional<Instant> stampOf(OffsetAndMetadata committed) {
    if (committed == null || !committed.metadata().startsWith(STAMP)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(committed.metadata().substring(STAMP.length())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String topic() {
    return Topics.DLQ.name();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
