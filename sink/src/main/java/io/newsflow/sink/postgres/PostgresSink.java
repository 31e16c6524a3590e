package io.newsflow.sink.postgres;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.TopicTag;
import io.newsflow.sink.ArticleFingerprint;
import io.newsflow.sink.ArticleWriter.Outcome;
import io.newsflow.sink.PositionConflictException;
import io.newsflow.sink.RecordSink;
import io.newsflow.sink.SinkBatch;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;

/**
 * Articles into PostgreSQL, exactly once: each batch is one transaction that upserts the articles
 * (a newer version wins; the same content again changes nothing), replaces their topic rows, and
 * moves the group's positions in {@code sink_offsets}. Reading resumes from those positions, so the
 * rows and the positions cannot disagree after a crash. Before writing, the transaction locks the
 * batch's position rows and refuses the batch if they are already past its first offsets (another
 * instance of the group wrote them): nothing is applied twice even when a rebalance leaves a
 * zombie.
 *
 * <p>The full-text search vector of each written row is filled right after the transaction by a
 * {@link SearchIndexer} on its own connection; until then ({@code search IS NULL}, normally well
 * under a second) the row is stored but not yet found by text search.
 */
public final class PostgresSink implements RecordSink {
  private static final String POSITIONS =
      "SELECT topic, partition, next_offset, updated_at FROM sink_offsets WHERE consumer_group = ?";
  private static final String LOCK_POSITION =
      "SELECT next_offset FROM sink_offsets WHERE consumer_group = ? AND topic = ? AND partition = ? FOR UPDATE";
  private static final String SAVE_POSITION =
      """
      INSERT INTO sink_offsets (consumer_group, topic, partition, next_offset, updated_at)
      VALUES (?, ?, ?, ?, now())
      ON CONFLICT (consumer_group, topic, partition)
      DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now()""";
  private static final String EXISTING =
      "SELECT id, version, fingerprint FROM articles WHERE id = ANY(?)";

  private record Known(int version, String fingerprint) {}

  private final PostgresSettings settings;
  private final Properties props;
  private Connection connection;
  private final SearchIndexer indexer;
  private final Map<TopicPartition, Long> durable = new HashMap<>();
  private final Map<TopicPartition, Instant> committedAt = new HashMap<>();

  /** Connects, applies pending migrations and reads the group's positions. */
  public PostgresSink(PostgresSettings settings) throws IOException {
    this.settings = settings;
    try {
      Migrations.migrate(settings);
      Properties p = new Properties();
      // one multi-row INSERT per batch instead of one statement per row (the URL may override it)
      p.setProperty("reWriteBatchedInserts", "true");
      if (settings.user() != null) {
        p.setProperty("user", settings.user());
      }
      if (settings.password() != null) {
        p.setProperty("password", settings.password());
      }
      this.props = p;
      this.connection = connect();
      this.indexer = new SearchIndexer(settings.jdbcUrl(), p);
      durable.putAll(readPositions());
      connection.commit();
      indexer.start();
    } catch (SQLException e) {
      throw new IOException(
          "cannot open the PostgreSQL sink at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Map<TopicPartition, Long>> storedPositions() throws IOException {
    try {
      Map<TopicPartition, Long> positions = readPositions();
      connection.commit();
      return Optional.of(positions);
    } catch (SQLException e) {
      throw new IOException("cannot read positions from PostgreSQL: " + e.getMessage(), e);
    }
  }

  /**
   * {@code sink_offsets.updated_at} as last read (the server's clock: the start of the transaction
   * that stored the position), or the sink's clock before its last write to the partition.
   */
  @Override
  public Optional<Instant> committedAt(TopicPartition partition) {
    return Optional.ofNullable(committedAt.get(partition));
  }

  @Override
  public Map<TopicPartition, Long> durablePositions() {
    return Map.copyOf(durable);
  }

  @Override
  public List<Outcome> write(SinkBatch batch) throws IOException {
    // before the transaction, so before any dead letter of a later batch
    Instant started = Instant.now();
    try {
      checkPositions(batch);
      Map<String, Known> known = existing(batch.articles());
      List<Outcome> outcomes = new ArrayList<>(batch.articles().size());
      Map<String, EnrichedArticle> changed = new LinkedHashMap<>();
      Map<String, String> fingerprints = new HashMap<>();
      for (EnrichedArticle a : batch.articles()) {
        String fp = ArticleFingerprint.of(a);
        Known k = known.get(a.getId());
        Outcome o =
            k == null
                ? Outcome.WRITTEN
                : k.fingerprint().equals(fp)
                    ? Outcome.DUPLICATE
                    : a.getVersion() < k.version() ? Outcome.STALE : Outcome.REPLACED;
        outcomes.add(o);
        if (o == Outcome.WRITTEN || o == Outcome.REPLACED) {
          changed.put(a.getId(), a);
          fingerprints.put(a.getId(), fp);
          known.put(a.getId(), new Known(a.getVersion(), fp));
        }
      }
      upsert(changed, fingerprints);
      delete(batch.removed());
      savePositions(batch.nextOffsets());
      connection.commit();
      batch.nextOffsets().forEach((tp, next) -> durable.merge(tp, next, Math::max));
      batch.nextOffsets().keySet().forEach(tp -> committedAt.put(tp, started));
      return outcomes;
    } catch (SQLException e) {
      if (isConnectionFailure(e)) {
        reconnect(e);
        // whether the last commit landed is unknown: re-read from what the database says
        throw new PositionConflictException(
            "lost the PostgreSQL connection ("
                + e.getMessage()
                + "); reconnected, reading again from the stored positions");
      }
      rollbackQuietly();
      throw new IOException(
          "writing a batch to PostgreSQL failed (rolled back): " + e.getMessage(), e);
    } catch (PositionConflictException e) {
      rollbackQuietly();
      throw e;
    }
  }

  private void checkPositions(SinkBatch batch) throws SQLException, PositionConflictException {
    try (PreparedStatement ps = connection.prepareStatement(LOCK_POSITION)) {
      for (Map.Entry<TopicPartition, Long> e : batch.firstOffsets().entrySet()) {
        ps.setString(1, settings.consumerGroup());
        ps.setString(2, e.getKey().topic());
        ps.setInt(3, e.getKey().partition());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getLong(1) > e.getValue()) {
            throw new PositionConflictException(
                "PostgreSQL already holds "
                    + e.getKey()
                    + " up to offset "
                    + rs.getLong(1)
                    + ", past this batch's first offset "
                    + e.getValue());
          }
        }
      }
    }
  }

  private Map<String, Known> existing(List<EnrichedArticle> articles) throws SQLException {
    Map<String, Known> known = new HashMap<>();
    if (articles.isEmpty()) {
      return known;
    }
    try (PreparedStatement ps = connection.prepareStatement(EXISTING)) {
      ps.setArray(
          1,
          connection.createArrayOf(
              "text", articles.stream().map(EnrichedArticle::getId).distinct().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          known.put(rs.getString(1), new Known(rs.getInt(2), rs.getString(3)));
        }
      }
    }
    return known;
  }

  private void upsert(Map<String, EnrichedArticle> changed, Map<String, String> fingerprints)
      throws SQLException {
    if (changed.isEmpty()) {
      return;
    }
    try (PreparedStatement up = connection.prepareStatement(ArticleRows.UPSERT);
        PreparedStatement del = connection.prepareStatement(ArticleRows.DELETE_TOPICS);
        PreparedStatement topic = connection.prepareStatement(ArticleRows.INSERT_TOPIC)) {
      for (EnrichedArticle a : changed.values()) {
        ArticleRows.bindArticle(up, connection, a, fingerprints.get(a.getId()));
        up.addBatch();
      }
      up.executeBatch();
      del.setArray(1, connection.createArrayOf("text", changed.keySet().toArray()));
      del.executeUpdate();
      int topics = 0;
      for (EnrichedArticle a : changed.values()) {
        for (TopicTag t : a.getTopics()) {
          ArticleRows.bindTopic(topic, a.getId(), t);
          topic.addBatch();
          topics++;
        }
      }
      if (topics > 0) {
        topic.executeBatch();
      }
    }
  }

  /** Articles taken down: their rows go, and their topic rows with them (ON DELETE CASCADE). */
  private void delete(List<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM articles WHERE id = ANY(?)")) {
      ps.setArray(1, connection.createArrayOf("text", ids.toArray()));
      ps.executeUpdate();
    }
  }

  private void savePositions(Map<TopicPartition, Long> next) throws SQLException {
    if (next.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(SAVE_POSITION)) {
      for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
        ps.setString(1, settings.consumerGroup());
        ps.setString(2, e.getKey().topic());
        ps.setInt(3, e.getKey().partition());
        ps.setLong(4, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The group's stored positions; also notes when each was stored ({@link #committedAt}). */
  private Map<TopicPartition, Long> readPositions() throws SQLException {
    Map<TopicPartition, Long> out = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(POSITIONS)) {
      ps.setString(1, settings.consumerGroup());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          TopicPartition tp = new TopicPartition(rs.getString(1), rs.getInt(2));
          out.put(tp, rs.getLong(3));
          committedAt.put(tp, rs.getTimestamp(4).toInstant());
        }
      }
    }
    return out;
  }

  private Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(settings.jdbcUrl(), props);
    c.setAutoCommit(false);
    return c;
  }

  /** SQLSTATE class 08 (connection exception) or 57P01 (the server ended the session). */
  static boolean isConnectionFailure(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  /** Reconnects with backoff (1, 2, 4 … 16 s; about a minute in all), else gives up. */
  private void reconnect(SQLException cause) throws IOException {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // already broken
    }
    long backoff = 1000;
    for (int attempt = 1; attempt <= 6; attempt++) {
      try {
        connection = connect();
        return;
      } catch (SQLException e) {
        cause.addSuppressed(e);
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      backoff = Math.min(backoff * 2, 16_000);
    }
    throw new IOException("PostgreSQL at " + settings.jdbcUrl() + " is unreachable", cause);
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the transaction died with it
    }
  }

  @Override
  public void close() throws IOException {
    indexer.close();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
