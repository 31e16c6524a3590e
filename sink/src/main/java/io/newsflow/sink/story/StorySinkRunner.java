package io.newsflow.sink.story;

import io.newsflow.schemas.Story;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code news.stories} (committed transactions only) into one or more {@link
 * StoryWriter}s, committing the group's offsets after every writer has the batch. The writers keep
 * the newest state per story, so a batch read again after a crash changes nothing. A record that
 * cannot be decoded is reported as an error with its coordinates and counted ({@link
 * #undecodable()}); the loop goes on.
 */
public final class StorySinkRunner implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StorySinkRunner.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<StoryWriter> writers;
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong merged = new AtomicLong();
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();
  private final AtomicLong caughtUpTurns = new AtomicLong();
  private volatile boolean running = true;

  /**
   * @param clientProps Kafka client properties; {@code group.id} must be set (the sink group with
   *     {@code -stories} appended is what the CLI uses)
   * @param writers where the stories go; closed when the loop ends
   */
  public StorySinkRunner(Map<String, Object> clientProps, List<StoryWriter> writers) {
    this.writers = List.copyOf(writers);
    if (this.writers.isEmpty()) {
      throw new IllegalArgumentException("no story writer");
    }
    Map<String, Object> c = new HashMap<>(clientProps);
    Objects.requireNonNull(c.get(ConsumerConfig.GROUP_ID_CONFIG), "group.id");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(Topics.STORIES.name()));
      while (running) {
        ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(200));
        if (!polled.isEmpty()) {
          handle(polled);
          consumer.commitSync();
        }
        noteCaughtUp();
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the story sink failed; what it had not written is read again on restart", e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      for (StoryWriter w : writers) {
        try {
          w.close();
        } catch (IOException e) {
          LOG.warn("closing a story writer failed", e);
        }
      }
    }
  }

  private void handle(ConsumerRecords<String, byte[]> polled) throws IOException {
    List<Story> batch = new ArrayList<>(polled.count());
    for (ConsumerRecord<String, byte[]> r : polled) {
      records.incrementAndGet();
      if (r.value() == null) {
        continue; // a tombstone: news.stories has none today; nothing to keep
      }
      try {
        Story s = Topics.STORIES.valueSerde().deserializer().deserialize(r.topic(), r.value());
        batch.add(s);
        if (s.getMergedInto() != null) {
          merged.incrementAndGet();
        } else if (s.getArticleCount() == 1) {
          opened.incrementAndGet();
        }
      } catch (RuntimeException e) {
        undecodable.incrementAndGet();
        LOG.error(
            "cannot decode the story at {}-{}@{}: {}; skipped",
            r.topic(),
            r.partition(),
            r.offset(),
            e.toString());
      }
    }
    for (StoryWriter w : writers) {
      w.write(batch);
    }
  }

  private void noteCaughtUp() {
    if (consumer.assignment().isEmpty()) {
      return;
    }
    for (TopicPartition tp : consumer.assignment()) {
      OptionalLong lag = consumer.currentLag(tp);
      if (lag.isEmpty() || lag.getAsLong() > 0) {
        return;
      }
    }
    caughtUpTurns.incrementAndGet();
  }

  /** Stories seen so far: those opened less those merged into another. */
  public long stories() {
    return opened.get() - merged.get();
  }

  /** Story records that said a story was merged into another. */
  public long merges() {
    return merged.get();
  }

  /** Story records consumed so far. */
  public long records() {
    return records.get();
  }

  /** Story records that could not be decoded (each reported as an error). */
  public long undecodable() {
    return undecodable.get();
  }

  /**
   * Waits until the runner has read to the end of every partition it holds at some moment after
   * this call began, or {@code timeout} passed. Returns whether it did.
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    // two turns past the one under way: the second began after this call
    long target = caughtUpTurns.get() + 2;
    while (System.nanoTime() < deadline) {
      if (caughtUpTurns.get() >= target) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Asks the loop to stop after the current batch; safe from any thread. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
  }
}
