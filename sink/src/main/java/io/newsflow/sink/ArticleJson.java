package io.newsflow.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Evidence;
import io.newsflow.schemas.Removal;
import io.newsflow.schemas.TopicTag;
import java.util.List;

/** The JSON form of an enriched article, as written to files and printed by {@code tail --json}. */
public final class ArticleJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private ArticleJson() {}

  public static ObjectNode toJson(EnrichedArticle a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", a.getId());
    o.put("source", a.getSource());
    o.put("outlet", a.getOutlet());
    o.put("title", a.getTitle());
    o.put("published", a.getPublished());
    o.put("modified", a.getModified());
    a.getAuthors().forEach(o.putArray("authors")::add);
    if (!o.has("authors")) {
      o.putArray("authors");
    }
    o.put("dateline", a.getDateline());
    o.put("language", a.getLanguage());
    o.put("pageKind", a.getPageKind());
    o.put("storyId", a.getStoryId());
    o.put("duplicateOf", a.getDuplicateOf());
    o.put("canonicalUrl", a.getCanonicalUrl());
    o.put("imageUrl", a.getImageUrl());
    o.put("text", a.getText());
    ArrayNode topics = o.putArray("topics");
    for (TopicTag t : a.getTopics()) {
      ObjectNode tn = topics.addObject();
      tn.put("name", t.getName());
      tn.put("score", t.getScore());
      tn.put("taxonomyVersion", t.getTaxonomyVersion());
      evidence(tn.putArray("evidence"), t.getEvidence());
      evidence(tn.putArray("sentences"), t.getSentences() == null ? List.of() : t.getSentences());
    }
    ArrayNode removed = o.putArray("removed");
    for (Removal r : a.getRemoved()) {
      removed.addObject().put("text", r.getText()).put("reason", r.getReason());
    }
    o.put("fetchedAt", a.getFetchedAt().toString());
    o.put("version", a.getVersion());
    o.put("extractorVersion", a.getExtractorVersion());
    o.put("taxonomyVersion", a.getTaxonomyVersion());
    return o;
  }

  private static void evidence(ArrayNode into, List<Evidence> list) {
    for (Evidence e : list) {
      into.addObject()
          .put("phrase", e.getPhrase())
          .put("field", e.getField())
          .put("start", e.getStart())
          .put("end", e.getEnd())
          .put("rule", e.getRule());
    }
  }
}
