package io.newsflow.sink.story;

import static io.newsflow.sink.story.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.sink.postgres.PostgresFixture;
import io.newsflow.sink.postgres.PostgresSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stories table against a real PostgreSQL server (see {@link PostgresFixture}). */
class PostgresStoriesIT {
  @Test
  void shouldUpsertEachStoryByIdAndKeepTheNewestState() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    try (PostgresStories w = new PostgresStories(db)) {
      w.write(List.of(story("s1", 1, null, "A"), story("s2", 2, null, "B")));
      w.write(List.of(story("s1", 3, null, "A", "C"), story("s2", 1, null, "stale")));
      w.write(List.of(story("s1", 3, null, "A", "C"))); // read again: no change
    }
    assertThat(
            query(
                db,
                "SELECT id || ' ' || article_count || ' ' || array_to_string(outlets, ',') || ' '"
                    + " || sequence || ' ' || (tags->>'sovereignty') FROM stories ORDER BY id"))
        .containsExactly("s1 2 A,C 3 2", "s2 1 B 2 1");
    assertThat(query(db, "SELECT articles->1->>'language' FROM stories WHERE id = 's1'"))
        .containsExactly("es");
  }

  @Test
  void shouldRecordWhereAMergedStoryWentAndReopenAnExistingTable() throws Exception {
    PostgresSettings db = PostgresFixture.shared().freshDatabase("g");
    try (PostgresStories w = new PostgresStories(db)) {
      w.write(List.of(story("s1", 1, null, "A")));
    }
    try (PostgresStories w = new PostgresStories(db)) {
      w.write(List.of(story("s1", 4, "s9", "A")));
    }
    assertThat(query(db, "SELECT merged_into FROM stories WHERE id = 's1'")).containsExactly("s9");
    assertThat(
            query(
                db,
                "SELECT to_char(first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') FROM stories"))
        .containsExactly("2026-11-20 10");
  }

  static List<String> query(PostgresSettings db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = PostgresFixture.connect(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
