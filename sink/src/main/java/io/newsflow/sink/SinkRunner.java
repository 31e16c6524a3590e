package io.newsflow.sink;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes enriched articles (committed transactions only; {@code news.enriched} unless told
 * otherwise) into a {@link RecordSink}.
 *
 * <p>Two ways to be exactly-once, chosen by the sink. A sink that stores positions with its output
 * (files, PostgreSQL) is asked where to resume whenever partitions are assigned, and the consumer
 * seeks there: what the output holds and where reading resumes can never disagree. A sink that
 * keeps no positions (a plain {@link ArticleWriter}) gets each batch written durably before the
 * group's offsets are committed; a crash between the two re-reads the batch, which the writer's
 * idempotence turns into duplicates it skips. Either way the group's committed offsets follow what
 * is durable, so consumer-lag tools show the truth.
 *
 * <p>A tombstone (null value with a key, as on the compacted {@code news.articles}) means the
 * article was taken down: the sink removes it ({@link SinkBatch#removed()}). A value that cannot be
 * decoded becomes a dead letter on {@code news.dlq} with its coordinates, and its offset counts as
 * consumed.
 *
 * <p>Dead letters are exactly-once per sink group: a batch's dead letters are on {@code news.dlq}
 * before the batch reaches the sink, and a batch read again (after a crash between the two, or a
 * refused write) does not send them a second time. For this, every stored position has a time: the
 * sink's own ({@link RecordSink#committedAt}), or for a sink without positions the one the runner
 * writes into the group's offset metadata with each commit. When partitions are assigned, before
 * any new dead letter, the runner reads {@code news.dlq} from the earliest of those times (less a
 * clock margin) to its end and remembers the offsets at or past the resume positions that this
 * group already dead-lettered; a partition with no time yet gets one in the group first. If that
 * cannot be done (the broker does not answer in time), the runner stops rather than risk a copy. A
 * dead letter that cannot be delivered stops it too, before the batch reaches the sink.
 */
public final class SinkRunner implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);
  public static final String DEFAULT_GROUP = "newsflow-sink";

  private final KafkaConsumer<String, byte[]> consumer;
  private final SinkDeadLetters deadLetters;
  private final RecordSink sink;
  private final SinkListener listener;
  private final List<String> topics;
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private volatile boolean running = true;
  private volatile boolean joined;

  /** Consumes {@code news.enriched} into an idempotent writer, positions in the consumer group. */
  public SinkRunner(Map<String, Object> clientProps, ArticleWriter writer, SinkListener listener) {
    this(clientProps, new WriterSink(writer), listener, List.of(Topics.ENRICHED.name()));
  }

  /**
   * @param clientProps Kafka client properties ({@code bootstrap.servers} at least; {@code
   *     group.id} defaults to {@value #DEFAULT_GROUP})
   * @param sink where batches go; closed when the loop ends
   * @param listener told about each article once its batch was written
   * @param topics topics to consume, each carrying {@code EnrichedArticle} values
   */
  public SinkRunner(
      Map<String, Object> clientProps,
      RecordSink sink,
      SinkListener listener,
      List<String> topics) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.topics = List.copyOf(topics);
    if (this.topics.isEmpty()) {
      throw new IllegalArgumentException("no topic to consume");
    }
    Map<String, Object> c = new HashMap<>(clientProps);
    c.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    this.deadLetters =
        new SinkDeadLetters(clientProps, (String) c.get(ConsumerConfig.GROUP_ID_CONFIG));
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(topics, new Resume());
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          handle(records);
        }
        sink.tick(Instant.now());
        commitDurable();
      }
      sink.flush();
      commitDurable();
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
      flushQuietly();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the sink failed; what it had not made durable is read again on restart", e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      deadLetters.close();
      try {
        sink.close();
      } catch (IOException e) {
        LOG.warn("closing the sink failed", e);
      }
    }
  }

  private void handle(ConsumerRecords<String, byte[]> records) throws IOException {
    List<EnrichedArticle> batch = new ArrayList<>(records.count());
    Set<String> removed = new LinkedHashSet<>();
    Map<String, Instant> removedAt = new HashMap<>();
    Map<TopicPartition, Long> first = new LinkedHashMap<>();
    Map<TopicPartition, Long> next = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      first.putIfAbsent(tp, r.offset());
      next.put(tp, r.offset() + 1);
      if (r.value() == null && r.key() != null) {
        // a tombstone: the article was taken down (sinks apply the batch's articles first, then
        // removals)
        removed.add(r.key());
        if (r.timestamp() >= 0) {
          removedAt.put(r.key(), Instant.ofEpochMilli(r.timestamp()));
        }
        continue;
      }
      try {
        EnrichedArticle a =
            Topics.ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value());
        if (a == null) {
          throw new IllegalArgumentException("null value without a key on " + r.topic());
        }
        removed.remove(a.getId());
        batch.add(a);
      } catch (RuntimeException e) {
        deadLetters.send(r, e);
      }
    }
    deadLetters.flush();
    List<ArticleWriter.Outcome> outcomes;
    try {
      outcomes = sink.write(new SinkBatch(batch, List.copyOf(removed), first, next, removedAt));
    } catch (PositionConflictException e) {
      LOG.warn("{}; reading again from the stored positions", e.getMessage());
      seekToStored(consumer.assignment());
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      listener.handled(batch.get(i), outcomes.get(i));
    }
  }

  /**
   * Commits to the group what the sink holds durably, for lag monitoring and for writer sinks, with
   * the time it was stored.
   */
  private void commitDurable() {
    Map<TopicPartition, Long> durable = sink.durablePositions();
    deadLetters.settled(durable);
    // a sink without positions is durable once write() returns, so every batch handled so far lies
    // before this commit and every dead letter past it comes later
    Instant now = Instant.now();
    Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> e : durable.entrySet()) {
      if (!e.getValue().equals(committed.get(e.getKey()))
          && consumer.assignment().contains(e.getKey())) {
        Instant at = sink.committedAt(e.getKey()).orElse(now);
        toCommit.put(e.getKey(), new OffsetAndMetadata(e.getValue(), SinkDeadLetters.stamp(at)));
      }
    }
    if (toCommit.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(toCommit);
      toCommit.forEach((tp, o) -> committed.put(tp, o.offset()));
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // the output is already durable; the next turn commits again, and a re-read is absorbed
      LOG.warn("committing offsets failed (will retry): {}", e.toString());
    }
  }

  /**
   * Seeks to the sink's stored positions, if it keeps any, and returns where reading resumes. A
   * partition the output has never seen continues where the consumer group left off (a fresh output
   * folder under an existing group receives what comes next, not the whole history), and from the
   * beginning when the group has no offset either.
   */
  private Optional<Map<TopicPartition, Long>> seekToStored(Collection<TopicPartition> partitions) {
    try {
      Optional<Map<TopicPartition, Long>> stored = sink.storedPositions();
      if (stored.isEmpty()) {
        return stored;
      }
      Map<TopicPartition, Long> resume = new HashMap<>();
      List<TopicPartition> unseen = new ArrayList<>();
      for (TopicPartition tp : partitions) {
        Long next = stored.get().get(tp);
        if (next == null) {
          unseen.add(tp);
        } else {
          consumer.seek(tp, next);
          resume.put(tp, next);
        }
      }
      if (!unseen.isEmpty()) {
        Map<TopicPartition, OffsetAndMetadata> group = consumer.committed(Set.copyOf(unseen));
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition tp : unseen) {
          OffsetAndMetadata g = group.get(tp);
          if (g == null) {
            fromStart.add(tp);
          } else {
            consumer.seek(tp, g.offset());
            resume.put(tp, g.offset());
          }
        }
        if (!fromStart.isEmpty()) {
          consumer.seekToBeginning(fromStart);
        }
      }
      return Optional.of(resume);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sink's stored positions", e);
    }
  }

  private void flushQuietly() {
    try {
      sink.flush();
      commitDurable();
    } catch (IOException | KafkaException e) {
      LOG.warn("flushing the sink on stop failed; the rest is read again on restart", e);
    }
  }

  /**
   * Whether the runner has joined its consumer group and been told its partitions (possibly none).
   * Until then it cannot have read anything: a member that died without leaving holds its
   * partitions until its session times out. Safe from any thread.
   */
  public boolean joined() {
    return joined;
  }

  /** Asks the loop to stop after the current batch; safe from any thread. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
  }

  /** Seeks newly assigned partitions to the sink's stored positions; flushes before losing some. */
  private final class Resume implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        deadLetters.recover(consumer, sink, partitions, seekToStored(partitions));
      }
      joined = true;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      try {
        sink.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("flushing the sink before a rebalance failed", e);
      }
      commitDurable();
      partitions.forEach(committed::remove);
      deadLetters.forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(committed::remove);
      deadLetters.forget(partitions);
    }
  }
}
