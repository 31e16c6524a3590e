package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.file.FileFormat;
import io.newsflow.sink.file.FileSink;
import io.newsflow.sink.file.FileSinkSettings;
import io.newsflow.sink.jsonl.JsonlWriter;
import io.newsflow.sink.postgres.PostgresFixture;
import io.newsflow.sink.postgres.PostgresSettings;
import io.newsflow.sink.postgres.PostgresSink;
import io.newsflow.testkit.KafkaFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An undecodable record is dead-lettered once, even when the sink stops after its dead letter went
 * out and before the batch holding it was stored (the batch is then read again on restart).
 */
class DeadLetterOnceIT {
  static final long POISON = 2; // offset of the undecodable record in partition 0
  static final List<String> GOOD = List.of("a", "b", "c", "d");

  @Test
  void shouldDeadLetterOnceWhenTheFileSinkStopsBeforeStoringThePoisonsBatch(@TempDir Path out)
      throws Exception {
    Scenario s = new Scenario("files");
    FileSinkSettings files =
        new FileSinkSettings(out, FileFormat.JSONL, Long.MAX_VALUE, Duration.ofMillis(100), true);

    s.crashOnce(new FileSink(files), null);
    assertThat(SinkFaultIT.segmentIds(out))
        .as("the poison's batch was not stored")
        .doesNotContain("c");

    FileSink sink = new FileSink(files);
    s.runUntil(sink, () -> sink.durablePositions().getOrDefault(s.p0, 0L) >= POISON + 3);

    assertThat(s.deadLetteredOffsets()).containsExactly(POISON);
    assertThat(SinkFaultIT.segmentIds(out)).containsExactlyElementsOf(GOOD);
  }

  @Test
  void shouldDeadLetterOnceWhenAWriterStopsBeforeTheGroupCommit(@TempDir Path out)
      throws Exception {
    Scenario s = new Scenario("writer");

    // a and b are written and committed to the group (with the commit time) before the poison
    s.crashOnce(new WriterSink(new JsonlWriter(out)), () -> ids(out).size() == 2);
    assertThat(ids(out)).as("the poison's batch was not written").doesNotContain("c");

    s.runUntil(new WriterSink(new JsonlWriter(out)), () -> ids(out).size() >= GOOD.size());

    assertThat(s.deadLetteredOffsets()).containsExactly(POISON);
    assertThat(ids(out)).containsExactlyInAnyOrderElementsOf(GOOD);
  }

  @Test
  void shouldDeadLetterOnceWhenPostgresStopsBeforeStoringThePoisonsBatch() throws Exception {
    Scenario s = new Scenario("pg");
    PostgresSettings db = PostgresFixture.shared().freshDatabase(s.group);

    // a and b are stored with their positions (and updated_at) before the poison
    s.crashOnce(new PostgresSink(db), () -> SinkFaultIT.rows(db) == 2);
    assertThat(SinkFaultIT.rows(db)).as("the poison's batch was not stored").isEqualTo(2);

    s.runUntil(new PostgresSink(db), () -> SinkFaultIT.rows(db) >= GOOD.size());

    assertThat(s.deadLetteredOffsets()).containsExactly(POISON);
    assertThat(
            SinkFaultIT.queryLong(
                db, "SELECT count(*) FROM articles WHERE id IN ('a','b','c','d')"))
        .isEqualTo(GOOD.size());
    assertThat(SinkFaultIT.queryLong(db, "SELECT sum(next_offset) FROM sink_offsets"))
        .as("every offset consumed once, the poison's included")
        .isEqualTo(POISON + 3);
  }

  static List<String> ids(Path out) throws IOException {
    return Files.exists(out.resolve(JsonlWriter.FILE)) ? SinkFaultIT.viewIds(out) : List.of();
  }

  /**
   * A topic whose partition 0 holds a, b, an undecodable record, c, d; and one sink group reading
   * it.
   */
  static final class Scenario {
    final String bootstrap = KafkaFixture.shared().bootstrapServers();
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String topic;
    final String group;
    final TopicPartition p0;

    Scenario(String name) {
      topic = "dl-once-" + name + "-" + suffix;
      group = "dl-once-" + name + "-" + suffix;
      p0 = new TopicPartition(topic, 0);
      SinkFaultIT.createTopic(bootstrap, topic);
      SinkFaultIT.createTopic(bootstrap, Topics.DLQ.name());
      produce("a", "b");
    }

    /** Produces the poison record, then c and d. */
    void poison() {
      produce(null, "c", "d");
    }

    /** Produces articles with these ids to partition 0; a null id stands for the poison record. */
    private void produce(String... ids) {
      try (KafkaProducer<String, byte[]> p =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", bootstrap),
              new StringSerializer(),
              new ByteArraySerializer())) {
        for (String id : ids) {
          byte[] value =
              id == null
                  ? "not avro".getBytes(StandardCharsets.UTF_8)
                  : Topics.ENRICHED
                      .valueSerde()
                      .serializer()
                      .serialize(topic, Articles.article(id, 1, id));
          p.send(new ProducerRecord<>(topic, 0, id == null ? "poison" : id, value));
        }
        p.flush();
      }
    }

    /**
     * Runs the sink until it fails on the poison's batch, after that batch's dead letters went out.
     *
     * @param beforePoison when not null, the poison is produced only once this holds (the records
     *     before it are stored by then); otherwise the sink finds everything at once
     */
    void crashOnce(RecordSink sink, SinkFaultIT.Check beforePoison) throws Exception {
      if (beforePoison == null) {
        poison();
      }
      SinkRunner runner = runner(new FailOnPoison(sink, p0));
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread t =
          new Thread(
              () -> {
                try {
                  runner.run();
                } catch (RuntimeException e) {
                  failure.set(e);
                }
              });
      t.start();
      if (beforePoison != null) {
        SinkFaultIT.awaitUntil("the records before the poison stored", beforePoison, null);
        poison();
      }
      t.join(120_000);
      assertThat(t.isAlive()).as("the first run ended").isFalse();
      assertThat(failure.get()).hasRootCauseMessage(FailOnPoison.MESSAGE);
      assertThat(deadLetteredOffsets())
          .as("dead letter sent before the stop")
          .containsExactly(POISON);
    }

    /** Runs the sink until {@code done} holds, then stops it. */
    void runUntil(RecordSink sink, SinkFaultIT.Check done) throws Exception {
      SinkRunner runner = runner(sink);
      Thread t = new Thread(runner);
      t.start();
      try {
        SinkFaultIT.awaitUntil("every good record in the output", done, null);
      } finally {
        runner.close();
        t.join(30_000);
      }
    }

    SinkRunner runner(RecordSink sink) {
      return SinkFaultIT.runner(Map.of("bootstrap.servers", bootstrap), group, sink, topic);
    }

    /**
     * The source offsets of the sink dead letters on news.dlq for this topic, as a reader sees
     * them.
     */
    List<Long> deadLetteredOffsets() {
      Map<String, Object> c = new HashMap<>();
      c.put("bootstrap.servers", bootstrap);
      c.put("isolation.level", "read_committed");
      List<Long> offsets = new ArrayList<>();
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> dlq =
            consumer.partitionsFor(Topics.DLQ.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(dlq);
        consumer.seekToBeginning(dlq);
        Map<TopicPartition, Long> ends = consumer.endOffsets(dlq);
        while (dlq.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
          for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            DeadLetter d = Topics.DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value());
            if (topic.equals(d.getTopic())) {
              assertThat(d.getStage()).isEqualTo("sink");
              assertThat(d.getPartition()).isZero();
              assertThat(
                      new String(
                          r.headers().lastHeader("newsflow.sink.group").value(),
                          StandardCharsets.UTF_8))
                  .isEqualTo(group);
              offsets.add(d.getOffset());
            }
          }
        }
      }
      return offsets;
    }
  }

  /**
   * Fails the write of the batch holding the poison offset, once: the runner has sent and flushed
   * that batch's dead letters, and the batch is not stored — the window a crash can hit.
   */
  static final class FailOnPoison implements RecordSink {
    static final String MESSAGE = "injected: the sink stops before storing the poison's batch";
    private final RecordSink sink;
    private final TopicPartition tp;

    FailOnPoison(RecordSink sink, TopicPartition tp) {
      this.sink = sink;
      this.tp = tp;
    }

    @Override
    public List<ArticleWriter.Outcome> write(SinkBatch batch) throws IOException {
      Long first = batch.firstOffsets().get(tp);
      if (first != null && first <= POISON && POISON < batch.nextOffsets().get(tp)) {
        throw new IOException(MESSAGE);
      }
      return sink.write(batch);
    }

    @Override
    public Optional<Map<TopicPartition, Long>> storedPositions() throws IOException {
      return sink.storedPositions();
    }

    @Override
    public Optional<Instant> committedAt(TopicPartition partition) {
      return sink.committedAt(partition);
    }

    @Override
    public Map<TopicPartition, Long> durablePositions() {
      return sink.durablePositions();
    }

    @Override
    public void tick(Instant now) throws IOException {
      sink.tick(now);
    }

    @Override
    public void flush() throws IOException {
      sink.flush();
    }

    @Override
    public void close() throws IOException {
      sink.close();
    }
  }
}
