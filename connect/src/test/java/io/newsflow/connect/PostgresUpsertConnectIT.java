package io.newsflow.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.sink.postgres.LocalPostgres;
import io.newsflow.testkit.KafkaFixture;
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
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Kafka Connect worker runs Debezium's JDBC sink connector, configured by the shipped {@code
 * connect/config/postgres-upsert-sink.properties}, over a newsflow topic into a real PostgreSQL
 * server (started from the Maven-shipped binaries), with NewsflowAvroConverter as its value
 * converter: one row per article, the newest version in it.
 */
class PostgresUpsertConnectIT {
  private static final String CONNECTOR = "newsflow-postgres-upsert";
  private static LocalPostgres postgres;

  @TempDir Path dir;

  @BeforeAll
  static void startPostgres() {
    postgres = LocalPostgres.start(Duration.ofSeconds(120));
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void shouldKeepOneRowPerArticleWithItsNewestVersionWhateverSchemaVersionWroteIt()
      throws Exception {
    String topic = "news.articles." + UUID.randomUUID().toString().substring(0, 8);
    List<Schema> history = NewsflowAvroConverterTest.history("EnrichedArticle");
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < history.size(); i++) { // one article per shipped writer version
      String id = "old-" + (i + 1);
      records.add(record(topic, id, Records.encodeAs(article(id, 1), history.get(i))));
      expected.put(id, 1);
    }
    for (int v = 1; v <= 3; v++) { // three versions of a: the third must win
      records.add(record(topic, "a", Records.encode(article("a", v))));
    }
    expected.put("a", 3);
    records.add(record(topic, "b", Records.encode(article("b", 1))));
    expected.put("b", 1);
    records.add(record(topic, "gone", Records.encode(article("gone", 1))));
    records.add(record(topic, "gone", null)); // a tombstone: the article was taken down

    try (Worker worker = new Worker(KafkaFixture.shared().bootstrapServers(), dir)) {
      worker.createTopic(topic);
      worker.produce(records);
      worker.start(sinkSettings(topic));

      Map<String, Integer> rows = awaitRows(worker, expected.size(), "a", 3);

      assertThat(rows).isEqualTo(expected);
    }
    try (Connection c = postgres.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT title, canonicalurl FROM newsflow_articles WHERE id = 'a'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString("title")).isEqualTo("Title of a, version 3");
    }
  }

  private static Map<String, String> sinkSettings(String topic) throws Exception {
    Map<String, String> sink = Worker.shipped("postgres-upsert-sink.properties");
    sink.put("topics", topic);
    sink.put("connection.url", postgres.jdbcUrl());
    sink.put("connection.username", postgres.user());
    sink.put("connection.password", "");
    sink.put("consumer.override.auto.offset.reset", "earliest");
    return sink;
  }

  /**
   * The table's {@code id → version} once it holds {@code count} rows and {@code id} has {@code
   * version} (then a moment more, for any late write to show); fails with the task's state.
   */
  private static Map<String, Integer> awaitRows(Worker worker, int count, String id, int version)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Map<String, Integer> rows = Map.of();
    while (System.nanoTime() < deadline && !worker.status(CONNECTOR).contains("FAILED")) {
      rows = rows();
      if (rows.size() >= count && Integer.valueOf(version).equals(rows.get(id))) {
        Thread.sleep(2000);
        return rows();
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "expected "
            + count
            + " rows with "
            + id
            + " at version "
            + version
            + ", got "
            + rows
            + "; connector: "
            + worker.status(CONNECTOR));
  }

  private static Map<String, Integer> rows() throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    try (Connection c = postgres.connect();
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT id, version FROM newsflow_articles")) {
        while (r.next()) {
          out.put(r.getString(1), r.getInt(2));
        }
      } catch (SQLException e) {
        if (!"42P01".equals(e.getSQLState())) { // not created yet: the sink creates it
          throw e;
        }
      }
    }
    return out;
  }

  private static EnrichedArticle article(String id, int version) {
    return Records.article(id, version, "Title of " + id + ", version " + version);
  }

  private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value) {
    return new ProducerRecord<>(topic, key, value);
  }
}
