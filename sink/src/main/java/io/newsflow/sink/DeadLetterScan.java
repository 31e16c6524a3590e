package io.newsflow.sink;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code news.dlq} from a point in time to its end, with a consumer of its own (no group),
 * and finds the dead letters one sink group produced for records it has not stored yet.
 *
 * <p>It reads {@code read_uncommitted} on purpose: the sink's dead letters are not transactional,
 * so they are complete once acknowledged, while an open transaction of another stage (enrich writes
 * its dead letters in transactions) would hold a {@code read_committed} reader's end offset back
 * and hide them. Records of aborted transactions are dropped by the group filter.
 */
final class DeadLetterScan {
  /** Gives up when the topic stops yielding records before the end offsets are reached. */
  private static final Duration STALL = Duration.ofSeconds(60);

  private final Map<String, Object> clientProps;
  private final byte[] group;

  /**
   * @param clientProps Kafka client properties of the runner (the group id is not used)
   * @param group the sink group whose dead letters count, as the {@link
   *     SinkDeadLetters#GROUP_HEADER} header carries it (UTF-8)
   */
  DeadLetterScan(Map<String, Object> clientProps, byte[] group) {
    this.clientProps = clientProps;
    this.group = group.clone();
  }

  /**
   * The source offsets of the group's {@code sink} dead letters found on {@code news.dlq} at or
   * after {@code since}, kept only for partitions in {@code resume} and offsets at or past the
   * position given there.
   *
   * @throws TimeoutException when the end of the topic cannot be reached
   */
  Map<TopicPartition, NavigableSet<Long>> find(Instant since, Map<TopicPartition, Long> resume) {
    Map<TopicPartition, NavigableSet<Long>> found = new HashMap<>();
    try (KafkaConsumer<String, byte[]> c = consumer()) {
      Map<TopicPartition, Long> ends = startAt(c, since);
      long stalledSince = System.nanoTime();
      while (!ends.isEmpty()) {
        var records = c.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, byte[]> r : records) {
          consider(r, resume, found);
        }
        boolean reachedSome = ends.keySet().removeIf(tp -> c.position(tp) >= ends.get(tp));
        if (!records.isEmpty() || reachedSome) {
          stalledSince = System.nanoTime();
        } else if (System.nanoTime() - stalledSince > STALL.toNanos()) {
          throw new TimeoutException(
              "reading " + Topics.DLQ.name() + " to its end stalled at " + c.assignment());
        }
      }
    }
    return found;
  }

  /**
   * Assigns and seeks the partitions with records at or after {@code since}; returns their ends.
   */
  private static Map<TopicPartition, Long> startAt(KafkaConsumer<String, byte[]> c, Instant since) {
    Map<TopicPartition, Long> at = new HashMap<>();
    c.partitionsFor(Topics.DLQ.name())
        .forEach(p -> at.put(new TopicPartition(p.topic(), p.partition()), since.toEpochMilli()));
    if (at.isEmpty()) {
      return new HashMap<>(); // no news.dlq yet: nothing was ever dead-lettered
    }
    // assigned before asking for offsets: the consumer files each answer under its assignment, and
    // logs a warning per partition it is not assigned ("Not updating high watermark"), which every
    // restarted sink used to write 8 of
    c.assign(at.keySet());
    Map<TopicPartition, OffsetAndTimestamp> starts = c.offsetsForTimes(at);
    Map<TopicPartition, Long> ends = new HashMap<>(c.endOffsets(at.keySet()));
    // null: no record at or after that time in the partition
    ends.keySet().removeIf(tp -> starts.get(tp) == null || starts.get(tp).offset() >= ends.get(tp));
    c.assign(ends.keySet());
    ends.keySet().forEach(tp -> c.seek(tp, starts.get(tp).offset()));
    return ends;
  }

  private void consider(
      ConsumerRecord<String, byte[]> r,
      Map<TopicPartition, Long> resume,
      Map<TopicPartition, NavigableSet<Long>> found) {
    Header h = r.headers().lastHeader(SinkDeadLetters.GROUP_HEADER);
    if (h == null || !Arrays.equals(h.value(), group) || r.value() == null) {
      return; // another stage's or another sink group's, or written before the header existed
    }
    DeadLetter d;
    try {
      d = Topics.DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value());
    } catch (RuntimeException notOurs) {
      return;
    }
    if (!SinkDeadLetters.STAGE.equals(d.getStage()) || d.getTopic() == null) {
      return;
    }
    TopicPartition source = new TopicPartition(d.getTopic(), d.getPartition());
    Long from = resume.get(source);
    if (from != null && d.getOffset() >= from) {
      found.computeIfAbsent(source, tp -> new TreeSet<>()).add(d.getOffset());
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> c = new HashMap<>(clientProps);
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    c.remove(ConsumerConfig.CLIENT_ID_CONFIG);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
