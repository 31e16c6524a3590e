package io.newsflow.sink.story;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.Story;
import io.newsflow.schemas.StoryMember;
import io.newsflow.sink.ArticleJson;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON form of a story, as {@code stories.jsonl} holds it and {@code tail --json} prints it.
 */
public final class StoryJson {
  private StoryJson() {}

  public static ObjectNode toJson(Story s) {
    ObjectNode o = ArticleJson.MAPPER.createObjectNode();
    o.put("id", s.getId());
    o.put("title", s.getTitle());
    o.put("firstSeen", s.getFirstSeen());
    o.put("lastSeen", s.getLastSeen());
    o.put("articleCount", s.getArticleCount());
    ArrayNode outlets = o.putArray("outlets");
    outlets(s).forEach(outlets::add);
    ArrayNode articles = o.putArray("articles");
    if (s.getArticles() != null) {
      for (StoryMember m : s.getArticles()) {
        articles
            .addObject()
            .put("id", m.getArticleId())
            .put("outlet", m.getOutlet())
            .put("language", m.getLanguage())
            .put("published", m.getPublished())
            .put("duplicateOf", m.getDuplicateOf());
      }
    }
    ObjectNode tags = o.putObject("tags");
    new TreeMap<>(s.getTags()).forEach(tags::put);
    o.put("mergedInto", s.getMergedInto());
    o.put("sequence", s.getSequence());
    return o;
  }

  /** The distinct outlets of the listed articles, in the order they first reported the story. */
  public static Set<String> outlets(Story s) {
    Set<String> out = new LinkedHashSet<>();
    if (s.getArticles() != null) {
      s.getArticles().stream()
          .map(StoryMember::getOutlet)
          .filter(o -> o != null && !o.isBlank())
          .forEach(out::add);
    }
    return out;
  }

  /** A few readable lines: title, span, outlets, tags, and where it was merged. */
  public static String text(Story s) {
    StringBuilder b = new StringBuilder();
    b.append(s.getId())
        .append("  ")
        .append(s.getTitle() == null ? "(no title)" : s.getTitle())
        .append('\n');
    b.append("  ")
        .append(s.getArticleCount())
        .append(s.getArticleCount() == 1 ? " article" : " articles")
        .append(", ")
        .append(outlets(s).size())
        .append(" outlet(s)");
    if (s.getFirstSeen() != null) {
      b.append(", published ").append(s.getFirstSeen()).append(" .. ").append(s.getLastSeen());
    }
    b.append('\n');
    if (!outlets(s).isEmpty()) {
      b.append("  outlets  ").append(String.join(", ", outlets(s))).append('\n');
    }
    if (!s.getTags().isEmpty()) {
      b.append("  tags     ");
      new TreeMap<>(s.getTags()).forEach((t, n) -> b.append(t).append(' ').append(n).append("  "));
      b.setLength(b.length() - 2);
      b.append('\n');
    }
    if (s.getArticles() != null) {
      for (StoryMember m : s.getArticles()) {
        b.append("    ")
            .append(m.getArticleId())
            .append("  ")
            .append(m.getOutlet() == null ? "?" : m.getOutlet())
            .append(" [")
            .append(m.getLanguage() == null ? "?" : m.getLanguage())
            .append("] ")
            .append(m.getPublished() == null ? "" : m.getPublished())
            .append(m.getDuplicateOf() == null ? "" : "  copy of " + m.getDuplicateOf())
            .append('\n');
      }
    }
    if (s.getMergedInto() != null) {
      b.append("  merged into ").append(s.getMergedInto()).append('\n');
    }
    return b.toString();
  }

  static Map<String, Integer> tags(Story s) {
    return new TreeMap<>(s.getTags());
  }
}
