package io.newsflow.sink.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Evidence;
import io.newsflow.schemas.Removal;
import io.newsflow.schemas.TopicTag;
import io.newsflow.sink.ArticleJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Binds an article to the sink's statements. */
final class ArticleRows {
  static final String UPSERT =
      """
      INSERT INTO articles (id, version, fingerprint, source, outlet, title, text, language, published,
          published_at, modified, authors, dateline, canonical_url, image_url, removed, fetched_at,
          extractor_version, taxonomy_version, page_kind, story_id, written_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, now())
      ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, fingerprint = EXCLUDED.fingerprint,
          source = EXCLUDED.source, outlet = EXCLUDED.outlet, title = EXCLUDED.title, text = EXCLUDED.text,
          language = EXCLUDED.language, published = EXCLUDED.published, published_at = EXCLUDED.published_at,
          modified = EXCLUDED.modified, authors = EXCLUDED.authors, dateline = EXCLUDED.dateline,
          canonical_url = EXCLUDED.canonical_url, image_url = EXCLUDED.image_url, removed = EXCLUDED.removed,
          fetched_at = EXCLUDED.fetched_at, extractor_version = EXCLUDED.extractor_version,
          taxonomy_version = EXCLUDED.taxonomy_version, page_kind = EXCLUDED.page_kind,
          story_id = EXCLUDED.story_id, written_at = now(), search = NULL
      WHERE articles.version <= EXCLUDED.version""";
  static final String DELETE_TOPICS = "DELETE FROM article_topics WHERE article_id = ANY(?)";
  static final String INSERT_TOPIC =
      """
      INSERT INTO article_topics (article_id, name, score, taxonomy_version, evidence)
      VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (article_id, name) DO NOTHING""";

  private ArticleRows() {}

  static void bindArticle(PreparedStatement ps, Connection c, EnrichedArticle a, String fingerprint)
      throws SQLException {
    int i = 1;
    ps.setString(i++, noNul(a.getId()));
    ps.setInt(i++, a.getVersion());
    ps.setString(i++, fingerprint);
    ps.setString(i++, noNul(a.getSource()));
    ps.setString(i++, noNul(a.getOutlet()));
    ps.setString(i++, noNul(a.getTitle()));
    ps.setString(i++, noNul(a.getText()));
    ps.setString(i++, noNul(a.getLanguage()));
    ps.setString(i++, noNul(a.getPublished()));
    OffsetDateTime published = zoned(a.getPublished());
    if (published == null) {
      ps.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(i++, published);
    }
    ps.setString(i++, noNul(a.getModified()));
    ps.setArray(i++, c.createArrayOf("text", a.getAuthors().toArray()));
    ps.setString(i++, noNul(a.getDateline()));
    ps.setString(i++, noNul(a.getCanonicalUrl()));
    ps.setString(i++, noNul(a.getImageUrl()));
    ps.setString(i++, removedJson(a.getRemoved()));
    ps.setObject(i++, a.getFetchedAt().atOffset(ZoneOffset.UTC));
    ps.setString(i++, noNul(a.getExtractorVersion()));
    ps.setString(i++, a.getTaxonomyVersion());
    ps.setString(i++, pageKind(a.getPageKind()));
    ps.setString(i, storyId(a.getStoryId()));
  }

  /**
   * The article's story id, or null when it has none (pages, records from before the story step).
   */
  static String storyId(String id) {
    return id == null || id.isBlank() ? null : noNul(id.strip());
  }

  /** The record's page kind; records written before it existed are articles. */
  static String pageKind(String kind) {
    return kind == null || kind.isBlank() ? "article" : noNul(kind.strip());
  }

  static void bindTopic(PreparedStatement ps, String articleId, TopicTag t) throws SQLException {
    ps.setString(1, articleId);
    ps.setString(2, t.getName());
    ps.setDouble(3, t.getScore());
    ps.setString(4, t.getTaxonomyVersion());
    ps.setString(5, evidenceJson(t.getEvidence()));
  }

  /**
   * PostgreSQL text cannot hold U+0000; a page that had one loses it rather than stopping the sink.
   */
  static String noNul(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
  }

  /** An ISO-8601 time with a zone or offset; null for anything else (no zone means no instant). */
  static OffsetDateTime zoned(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(iso.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String removedJson(List<Removal> removed) {
    ArrayNode arr = ArticleJson.MAPPER.createArrayNode();
    removed.forEach(r -> arr.addObject().put("text", r.getText()).put("reason", r.getReason()));
    return write(arr);
  }

  private static String evidenceJson(List<Evidence> evidence) {
    ArrayNode arr = ArticleJson.MAPPER.createArrayNode();
    evidence.forEach(
        e ->
            arr.addObject()
                .put("phrase", e.getPhrase())
                .put("field", e.getField())
                .put("start", e.getStart())
                .put("end", e.getEnd())
                .put("rule", e.getRule()));
    return write(arr);
  }

  private static String write(ArrayNode arr) {
    try {
      return ArticleJson.MAPPER.writeValueAsString(arr);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
