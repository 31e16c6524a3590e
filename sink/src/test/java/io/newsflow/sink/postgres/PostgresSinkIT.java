package io.newsflow.sink.postgres;

import static io.newsflow.sink.Articles.article;
import static io.newsflow.sink.Articles.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.sink.ArticleWriter.Outcome;
import io.newsflow.sink.PositionConflictException;
import io.newsflow.sink.SinkBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL server (see {@link PostgresFixture}). */
class PostgresSinkIT {
  static final TopicPartition P0 = new TopicPartition("news.enriched", 0);

  @Test
  void shouldKeepOneRowPerArticleWithTheNewestVersion() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    try (PostgresSink sink = new PostgresSink(db)) {
      assertThat(sink.write(batch(0, article("a", 1, "first"), article("b", 1, "other"))))
          .containsExactly(Outcome.WRITTEN, Outcome.WRITTEN);
      assertThat(
              sink.write(
                  batch(
                      2,
                      article("a", 2, "second"),
                      article("a", 1, "stale"),
                      article("b", 1, "other"))))
          .containsExactly(Outcome.REPLACED, Outcome.STALE, Outcome.DUPLICATE);
    }
    assertThat(query(db, "SELECT id || ':' || version || ':' || text FROM articles ORDER BY id"))
        .containsExactly("a:2:second", "b:1:other");
  }

  @Test
  void shouldMakeTopicsQueryablePerArticleAndReplaceThemWithTheArticle() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    try (PostgresSink sink = new PostgresSink(db)) {
      sink.write(
          batch(
              0,
              tagged(
                  "a", 1, "Troops crossed the border at dawn.", "intervention", "Troops crossed")));
      assertThat(
              query(
                  db,
                  "SELECT name || ' ' || (evidence->0->>'phrase') FROM article_topics WHERE article_id = 'a'"))
          .containsExactly("intervention Troops crossed");
      sink.write(
          batch(
              1,
              tagged(
                  "a",
                  2,
                  "The parliament defended its sovereignty.",
                  "sovereignty",
                  "sovereignty")));
    }
    assertThat(query(db, "SELECT article_id || ' ' || name FROM article_topics"))
        .containsExactly("a sovereignty");
  }

  @Test
  void shouldDeleteATakenDownArticleWithItsTopics() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    try (PostgresSink sink = new PostgresSink(db)) {
      sink.write(
          batch(
              0,
              tagged("a", 1, "Troops crossed the border.", "intervention", "Troops crossed"),
              article("b", 1, "B")));
      sink.write(new SinkBatch(List.of(), List.of("a"), Map.of(P0, 2L), Map.of(P0, 3L)));
    }
    assertThat(query(db, "SELECT id FROM articles")).containsExactly("b");
    assertThat(query(db, "SELECT article_id FROM article_topics")).isEmpty();
    assertThat(query(db, "SELECT next_offset::text FROM sink_offsets")).containsExactly("3");
  }

  @Test
  void shouldFindArticlesByWordsOfTheirCleanTextStemmed() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    try (PostgresSink sink = new PostgresSink(db)) {
      sink.write(
          batch(
              0,
              article("a", 1, "Negotiators resumed talks on the disputed islands."),
              article("b", 1, "The central bank raised interest rates.")));
      awaitIndexed(db);
    }
    assertThat(query(db, "SELECT id FROM search_articles('negotiator island')"))
        .containsExactly("a");
    assertThat(
            query(
                db,
                "SELECT id FROM articles WHERE search @@ websearch_to_tsquery('english', 'rate')"))
        .containsExactly("b");
  }

  @Test
  void shouldTellWhenItStoredEachPartitionsPositionEvenAfterARestart() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    TopicPartition p1 = new TopicPartition("news.enriched", 1);
    try (PostgresSink sink = new PostgresSink(db)) {
      assertThat(sink.committedAt(P0)).isEmpty();
      sink.write(batch(0, article("a", 1, "A")));
      assertThat(sink.committedAt(P0)).isPresent();
      assertThat(sink.committedAt(p1)).as("never stored").isEmpty();
    }
    Instant updatedAt =
        Instant.parse(
            query(
                    db,
                    "SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                        + " FROM sink_offsets")
                .get(0));
    try (PostgresSink again = new PostgresSink(db)) {
      assertThat(again.committedAt(P0)).contains(updatedAt);
      assertThat(again.committedAt(p1)).isEmpty();
    }
  }

  @Test
  void shouldStoreTheConsumedOffsetsWithTheRowsAndResumeFromThem() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("sink-group");
    try (PostgresSink sink = new PostgresSink(db)) {
      assertThat(sink.storedPositions()).contains(Map.of());
      sink.write(batch(0, article("a", 1, "A"), article("b", 1, "B")));
    }
    try (PostgresSink again = new PostgresSink(db)) {
      assertThat(again.storedPositions()).contains(Map.of(P0, 2L));
      assertThat(
              query(
                  db,
                  "SELECT consumer_group || ' ' || topic || ' ' || partition || ' ' || next_offset FROM sink_offsets"))
          .containsExactly("sink-group news.enriched 0 2");
    }
  }

  @Test
  void shouldRefuseABatchWhoseOffsetsTheDatabaseAlreadyHolds() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    try (PostgresSink first = new PostgresSink(db);
        PostgresSink zombie = new PostgresSink(db)) {
      first.write(batch(0, article("a", 1, "A"), article("b", 1, "B")));
      assertThatThrownBy(() -> zombie.write(batch(1, article("b", 1, "B changed"))))
          .isInstanceOf(PositionConflictException.class);
    }
    assertThat(query(db, "SELECT text FROM articles WHERE id = 'b'")).containsExactly("B");
  }

  @Test
  void shouldReconnectAfterTheServerDropsTheSessionAndHaveTheBatchReadAgain() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    try (PostgresSink sink = new PostgresSink(db)) {
      sink.write(batch(0, article("a", 1, "A"), article("b", 1, "B")));
      query(
          db,
          "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid()");

      assertThatThrownBy(() -> sink.write(batch(2, article("c", 1, "C"))))
          .isInstanceOf(PositionConflictException.class);
      assertThat(sink.storedPositions()).contains(Map.of(P0, 2L));
      assertThat(sink.write(batch(2, article("c", 1, "C")))).containsExactly(Outcome.WRITTEN);
    }
    assertThat(query(db, "SELECT id FROM articles ORDER BY id")).containsExactly("a", "b", "c");
  }

  @Test
  void shouldCreateTheSchemaByVersionedMigrationsOnce() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    assertThat(Migrations.migrate(db)).isEqualTo("6");
    assertThat(Migrations.migrate(db)).isEqualTo("6");
    assertThat(
            query(
                db,
                "SELECT version || ' ' || success FROM newsflow_schema_history ORDER BY installed_rank"))
        .containsExactly("1 true", "2 true", "3 true", "4 true", "5 true", "6 true");
  }

  @Test
  void shouldStoreEachRowsPageKindAndReplaceItWithTheArticle() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    EnrichedArticle front = article("front", 1, "Politics: all stories");
    front.setPageKind("listing");
    try (PostgresSink sink = new PostgresSink(db)) {
      sink.write(batch(0, article("story", 1, "Troops crossed the border."), front));
      assertThat(query(db, "SELECT id || ' ' || page_kind FROM articles ORDER BY id"))
          .containsExactly("front listing", "story article");
      EnrichedArticle video = article("story", 2, "Troops crossed the border. Watch.");
      video.setPageKind("video");
      sink.write(batch(2, video));
    }
    assertThat(query(db, "SELECT id FROM articles WHERE page_kind <> 'article' ORDER BY id"))
        .containsExactly("front", "story");
  }

  @Test
  void shouldGiveRowsWrittenBeforeVersion5TheArticleKind() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    org.flywaydb.core.Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations(Migrations.LOCATION)
        .table(Migrations.HISTORY_TABLE)
        .target("4")
        .load()
        .migrate();
    try (Connection c = PostgresFixture.connect(db);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO articles (id, version, fingerprint, source, text, fetched_at,"
                    + " extractor_version, taxonomy_version) VALUES ('old', 1, 'f', 's', 'Old text.',"
                    + " now(), '1.1.0', 't')")) {
      ps.executeUpdate();
    }

    assertThat(Migrations.migrate(db)).isEqualTo("6");

    assertThat(query(db, "SELECT id || ' ' || page_kind FROM articles"))
        .containsExactly("old article");
  }

  @Test
  void shouldStoreEachArticlesStoryAndFindAStorysArticlesByIt() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    EnrichedArticle first = article("first", 1, "Troops crossed the border.");
    first.setStoryId("story-first");
    EnrichedArticle second = article("second", 1, "Soldiers crossed the border at dawn.");
    second.setStoryId("story-first");
    EnrichedArticle other = article("other", 1, "The central bank raised its rate.");
    other.setStoryId("story-other");
    EnrichedArticle page = article("page", 1, "Politics: all stories");
    try (PostgresSink sink = new PostgresSink(db)) {
      sink.write(batch(0, first, second, other, page));
    }
    assertThat(query(db, "SELECT id FROM articles WHERE story_id = 'story-first' ORDER BY id"))
        .containsExactly("first", "second");
    assertThat(query(db, "SELECT id FROM articles WHERE story_id IS NULL")).containsExactly("page");
    assertThat(query(db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'articles_story_id'"))
        .singleElement()
        .asString()
        .contains("(story_id)");
  }

  @Test
  void shouldAddTheStoryColumnToAVersion5TableInPlaceAndFillItFromNewWrites() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    org.flywaydb.core.Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations(Migrations.LOCATION)
        .table(Migrations.HISTORY_TABLE)
        .target("5")
        .load()
        .migrate();
    try (Connection c = PostgresFixture.connect(db);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO articles (id, version, fingerprint, source, text, fetched_at,"
                    + " extractor_version, taxonomy_version) VALUES ('old', 1, 'f', 's', 'Old text.',"
                    + " now(), '1.1.0', 't')")) {
      ps.executeUpdate();
    }

    assertThat(Migrations.migrate(db)).isEqualTo("6");
    assertThat(query(db, "SELECT id || ' ' || coalesce(story_id, 'none') FROM articles"))
        .containsExactly("old none");

    EnrichedArticle again = article("old", 2, "Old text, now with a story.");
    again.setStoryId("story-old");
    try (PostgresSink sink = new PostgresSink(db)) {
      sink.write(batch(0, again));
    }
    assertThat(query(db, "SELECT id || ' ' || story_id || ' ' || version FROM articles"))
        .containsExactly("old story-old 2");
  }

  /**
   * The search vectors are filled just after each write, apart from it; wait (bounded) for that.
   */
  static void awaitIndexed(PostgresSettings db) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!query(db, "SELECT count(*) FROM articles WHERE search IS NULL").equals(List.of("0"))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("articles were not indexed for search within a minute");
      }
      Thread.sleep(50);
    }
  }

  static SinkBatch batch(long first, EnrichedArticle... articles) {
    return new SinkBatch(List.of(articles), Map.of(P0, first), Map.of(P0, first + articles.length));
  }

  static List<String> query(PostgresSettings db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = PostgresFixture.connect(db);
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
