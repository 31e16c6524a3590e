package io.newsflow.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.sink.ArticleJson;

/** How {@code tail} shows records that are not articles: raw articles and dead letters. */
final class OtherRecords {
  private OtherRecords() {}

  static ObjectNode json(RawArticle r) {
    ObjectNode o = ArticleJson.MAPPER.createObjectNode();
    o.put("id", r.getId())
        .put("source", r.getSource())
        .put("outlet", r.getOutlet())
        .put("via", r.getVia().name())
        .put("fetchedAt", r.getFetchedAt().toString())
        .put("contentType", r.getContentType())
        .put("charset", r.getCharset())
        .put("version", r.getVersion())
        .put("bodyBytes", r.getBody().remaining());
    return o;
  }

  static String text(RawArticle r) {
    return String.format(
        "%s  %s (%s, %d bytes %s%s)%n  outlet %s, fetched %s, version %d%n",
        r.getId(),
        r.getSource(),
        r.getVia(),
        r.getBody().remaining(),
        r.getContentType(),
        r.getCharset() == null ? "" : "; " + r.getCharset(),
        r.getOutlet() == null ? "unknown" : r.getOutlet(),
        r.getFetchedAt(),
        r.getVersion());
  }

  static ObjectNode json(DeadLetter d) {
    ObjectNode o = ArticleJson.MAPPER.createObjectNode();
    o.put("stage", d.getStage())
        .put("reason", d.getReason())
        .put("errorClass", d.getErrorClass())
        .put("articleId", d.getArticleId())
        .put("source", d.getSource())
        .put("topic", d.getTopic())
        .put("partition", d.getPartition())
        .put("offset", d.getOffset())
        .put("failedAt", d.getFailedAt().toString())
        .put("valueBytes", d.getValue() == null ? 0 : d.getValue().remaining());
    return o;
  }

  static String text(DeadLetter d) {
    String from =
        d.getTopic() == null
            ? "before Kafka"
            : d.getTopic() + "-" + d.getPartition() + "@" + d.getOffset();
    return String.format(
        "%s failed: %s%n  article %s, source %s, from %s, at %s%s%n",
        d.getStage(),
        d.getReason(),
        d.getArticleId(),
        d.getSource(),
        from,
        d.getFailedAt(),
        d.getErrorClass() == null ? "" : " (" + d.getErrorClass() + ")");
  }
}
