package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.file.FileFormat;
import io.newsflow.sink.file.FileSink;
import io.newsflow.sink.file.FileSinkSettings;
import io.newsflow.sink.file.Manifest;
import io.newsflow.sink.jsonl.JsonlWriter;
import io.newsflow.sink.postgres.PostgresFixture;
import io.newsflow.sink.postgres.PostgresSettings;
import io.newsflow.sink.postgres.PostgresSink;
import io.newsflow.testkit.KafkaFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults against real parts: a real broker, a real PostgreSQL server, a sink process killed with
 * SIGKILL. After each, every article in the topic is in the segment files exactly once, in the
 * latest-per-id view once, and in PostgreSQL once with the stored positions at the topic's end.
 */
class SinkFaultIT {
  static final int PARTITIONS = 3;

  @Test
  void shouldNeitherLoseNorDuplicateWhenTheSinkIsKilledMidWriteAndRestarted(@TempDir Path out)
      throws Exception {
    String bootstrap = KafkaFixture.shared().bootstrapServers();
    String topic = "fault-kill-" + UUID.randomUUID().toString().substring(0, 8);
    createTopic(bootstrap, topic);
    List<String> ids = produce(bootstrap, topic, 0, 4000);
    PostgresSettings db = PostgresFixture.shared().freshDatabase("fault-pg");

    Process sink = startSinkProcess(bootstrap, topic, out, db);
    awaitUntil(
        "a first segment and some rows", () -> segmentsCommitted(out) >= 1 && rows(db) > 0, sink);
    sink.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL, mid-stream
    long segmentsAtKill = segmentIds(out).size();
    long rowsAtKill = rows(db);

    Process again = startSinkProcess(bootstrap, topic, out, db);
    awaitUntil(
        "every record in both outputs",
        () -> segmentIds(out).size() >= ids.size() && rows(db) >= ids.size(),
        again);
    again.destroy(); // SIGTERM: a clean stop
    again.waitFor(60, TimeUnit.SECONDS);

    assertThat(segmentsAtKill).as("killed before the files were complete").isLessThan(ids.size());
    assertThat(rowsAtKill).as("killed before the database was complete").isLessThan(ids.size());
    assertExactlyOnce(out, db, ids, topic);
  }

  @Test
  void shouldNeitherLoseNorDuplicateWhenTheBrokerStopsAndRestartsMidStream(
      @TempDir Path out, @TempDir Path brokerDir) throws Exception {
    String topic = "fault-broker";
    PostgresSettings db = PostgresFixture.shared().freshDatabase("fault-pg");
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(brokerDir, Map.of(), Duration.ofSeconds(60));
    String bootstrap = broker.bootstrapServers();
    createTopic(bootstrap, topic);
    List<String> ids = new ArrayList<>(produce(bootstrap, topic, 0, 1500));

    Map<String, Object> client =
        new HashMap<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "max.poll.records",
                50,
                "reconnect.backoff.max.ms",
                500));
    SinkRunner files = runner(client, "fault-files", new FileSink(settings(out)), topic);
    SinkRunner pg = runner(client, "fault-pg", new PostgresSink(db), topic);
    Thread tf = new Thread(files, "file-sink");
    Thread tp = new Thread(pg, "pg-sink");
    tf.start();
    tp.start();
    try {
      awaitUntil(
          "some output before the broker stops",
          () -> segmentsCommitted(out) >= 1 && rows(db) > 0,
          null);
      broker.close();
      Thread.sleep(2000); // the sinks poll a broker that is gone
      broker = EmbeddedKafkaBroker.start(brokerDir, Map.of(), Duration.ofSeconds(60));
      assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
      ids.addAll(produce(bootstrap, topic, 1500, 1500));
      awaitUntil(
          "every record in both outputs",
          () ->
              segmentIds(out).size() >= ids.size()
                  && rows(db) >= ids.size()
                  && tf.isAlive()
                  && tp.isAlive(),
          null);
    } finally {
      files.close();
      pg.close();
      tf.join(60_000);
      tp.join(60_000);
      broker.close();
    }
    assertExactlyOnce(out, db, ids, topic);
  }

  static void assertExactlyOnce(Path out, PostgresSettings db, List<String> ids, String topic)
      throws Exception {
    assertThat(segmentIds(out))
        .as("segment files")
        .hasSameSizeAs(ids)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(viewIds(out))
        .as("latest-per-id view")
        .hasSameSizeAs(ids)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(rows(db)).as("rows in PostgreSQL").isEqualTo(ids.size());
    assertThat(queryLong(db, "SELECT count(DISTINCT id) FROM articles")).isEqualTo(ids.size());
    assertThat(
            queryLong(
                db,
                "SELECT coalesce(sum(next_offset), 0) FROM sink_offsets WHERE topic = '"
                    + topic
                    + "'"))
        .as("positions stored with the rows")
        .isEqualTo(ids.size());
  }

  static SinkRunner runner(
      Map<String, Object> client, String group, RecordSink sink, String topic) {
    Map<String, Object> c = new HashMap<>(client);
    c.put("group.id", group);
    return new SinkRunner(c, sink, SinkListener.NONE, List.of(topic));
  }

  static FileSinkSettings settings(Path out) {
    return new FileSinkSettings(out, FileFormat.JSONL, 64 * 1024, Duration.ofSeconds(1), true);
  }

  static Process startSinkProcess(String bootstrap, String topic, Path out, PostgresSettings db)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            SinkProcess.class.getName(),
            bootstrap,
            topic,
            out.toString(),
            Long.toString(64 * 1024),
            db.jdbcUrl(),
            db.user(),
            db.password() == null ? "" : db.password())
        .redirectErrorStream(true)
        .redirectOutput(out.resolveSibling(out.getFileName() + "-sink.log").toFile())
        .start();
  }

  static void createTopic(String bootstrap, String topic) {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      new TopicAdmin(admin, PARTITIONS, (short) 1, Duration.ofSeconds(60))
          .ensure(
              List.of(
                  new TopicSpec<>(topic, Serdes.String(), Topics.ENRICHED.valueSerde(), false)));
    }
  }

  /**
   * Produces {@code count} distinct articles (idempotent producer, acks=all); returns their ids.
   */
  static List<String> produce(String bootstrap, String topic, int from, int count) {
    Map<String, Object> p =
        Map.of(
            "bootstrap.servers",
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            5);
    List<String> ids = new ArrayList<>();
    String body = "Ministers met again on the border dispute. ".repeat(20);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = from; i < from + count; i++) {
        String id = String.format("art-%06d", i);
        EnrichedArticle a = Articles.article(id, 1, body + i);
        producer.send(
            new ProducerRecord<>(
                topic, id, Topics.ENRICHED.valueSerde().serializer().serialize(topic, a)));
        ids.add(id);
      }
      producer.flush();
    }
    return ids;
  }

  static long segmentsCommitted(Path out) throws IOException {
    return Manifest.read(out.resolve(FileSink.SEGMENTS).resolve(Manifest.FILE)).size();
  }

  /** Ids in the committed segment files, in manifest order, with repeats. */
  static List<String> segmentIds(Path out) throws IOException {
    List<String> ids = new ArrayList<>();
    Path segments = out.resolve(FileSink.SEGMENTS);
    for (Manifest.Entry e : Manifest.read(segments.resolve(Manifest.FILE))) {
      Path file = segments.resolve(e.file() == null ? "" : e.file());
      if (e.file() != null && Files.exists(file)) {
        ids.addAll(idsOf(file));
      }
    }
    return ids;
  }

  static List<String> viewIds(Path out) throws IOException {
    return idsOf(out.resolve(JsonlWriter.FILE));
  }

  static List<String> idsOf(Path jsonl) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      ids.add(ArticleJson.MAPPER.readTree(line).path("id").asText());
    }
    return ids;
  }

  static long rows(PostgresSettings db) throws SQLException {
    return queryLong(db, "SELECT count(*) FROM articles");
  }

  static long queryLong(PostgresSettings db, String sql) throws SQLException {
    try (Connection c = PostgresFixture.connect(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      if (e.getMessage().contains("does not exist")) {
        return 0; // the sink has not migrated the schema yet
      }
      throw e;
    }
  }

  interface Check {
    boolean holds() throws Exception;
  }

  /** Waits (bounded) until {@code check} holds; fails with what was awaited otherwise. */
  static void awaitUntil(String what, Check check, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!check.holds()) {
      if (process != null && !process.isAlive()) {
        throw new AssertionError(
            "the sink process exited (" + process.exitValue() + ") while waiting for " + what);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
