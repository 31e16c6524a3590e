package io.newsflow.sink.story;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsflow.schemas.Story;
import io.newsflow.sink.ArticleJson;
import io.newsflow.sink.postgres.PostgresSettings;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Keeps a {@code stories} table in PostgreSQL: one row per story id, replaced only by a newer state
 * (a larger {@code sequence}), so batches read again or out of order change nothing. One
 * transaction per batch. The table is created when missing (its own statement, apart from the
 * article schema's versioned migrations, so that it can be adopted or dropped on its own).
 */
public final class PostgresStories implements StoryWriter {
  static final String CREATE =
      """
      CREATE TABLE IF NOT EXISTS stories (
        id            text PRIMARY KEY,
        title         text,
        first_seen    timestamptz,
        last_seen     timestamptz,
        article_count integer NOT NULL,
        outlets       text[] NOT NULL,
        articles      jsonb NOT NULL,
        tags          jsonb NOT NULL,
        merged_into   text,
        sequence      bigint NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )""";

  static final String UPSERT =
      """
      INSERT INTO stories (id, title, first_seen, last_seen, article_count, outlets, articles, tags,
                           merged_into, sequence, updated_at)
      VALUES (?, ?, CAST(? AS timestamptz), CAST(? AS timestamptz), ?, ?, CAST(? AS jsonb),
              CAST(? AS jsonb), ?, ?, now())
      ON CONFLICT (id) DO UPDATE SET
        title = EXCLUDED.title, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen,
        article_count = EXCLUDED.article_count, outlets = EXCLUDED.outlets,
        articles = EXCLUDED.articles, tags = EXCLUDED.tags, merged_into = EXCLUDED.merged_into,
        sequence = EXCLUDED.sequence, updated_at = now()
      WHERE stories.sequence < EXCLUDED.sequence""";

  private final Connection connection;

  public PostgresStories(PostgresSettings settings) throws IOException {
    try {
      connection =
          DriverManager.getConnection(
              settings.jdbcUrl(),
              settings.user(),
              settings.password() == null ? "" : settings.password());
      try (Statement s = connection.createStatement()) {
        s.execute(CREATE);
      }
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new IOException("cannot open the stories table at " + settings.jdbcUrl(), e);
    }
  }

  @Override
  public void write(List<Story> batch) throws IOException {
    try (PreparedStatement up = connection.prepareStatement(UPSERT)) {
      for (Story s : batch) {
        ArrayNode articles = StoryJson.toJson(s).withArray("articles");
        up.setString(1, s.getId());
        up.setString(2, s.getTitle());
        up.setString(3, s.getFirstSeen());
        up.setString(4, s.getLastSeen());
        up.setInt(5, s.getArticleCount());
        up.setArray(6, connection.createArrayOf("text", StoryJson.outlets(s).toArray()));
        up.setString(7, ArticleJson.MAPPER.writeValueAsString(articles));
        up.setString(8, ArticleJson.MAPPER.writeValueAsString(StoryJson.tags(s)));
        up.setString(9, s.getMergedInto());
        up.setLong(10, s.getSequence());
        up.addBatch();
      }
      up.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw new IOException("writing stories to PostgreSQL failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
