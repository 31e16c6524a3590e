package io.newsflow.enrich.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.tag.Tagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Clusters JSON Lines into stories, in file order, as a stream: reads {@code {id, title, text,
 * outlet?, published?, lang?, tags?}} per line and writes {@code {"id", "story"}} per line (plus
 * {@code "duplicateOf"} for a near-copy). A story merged into another later in the stream is
 * reported under the surviving id, so the output is the clustering as it stands at the end. Used by
 * the {@code stories} command; {@link #main} runs it without the CLI module.
 */
public final class JsonlStories {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlStories() {}

  /** Counts of one run. */
  public record Summary(int articles, int bad, int stories, int duplicates, int merges) {}

  /**
   * Reads every line of {@code in} and writes one line per readable article to {@code out}. A line
   * that is not an article (not JSON, no id) is reported to {@code problems} with its line number,
   * counted, and skipped; the run goes on.
   */
  public static Summary run(
      Reader in, Writer out, StoryClusterer clusterer, Consumer<String> problems)
      throws IOException {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<Assignment> assigned = new ArrayList<>();
    MergeLog merges = new MergeLog();
    int bad = 0;
    int lineNo = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        Assignment a = clusterer.assign(article(JSON.readTree(line)));
        assigned.add(a);
        a.changed().stream()
            .filter(s -> s.mergedInto() != null)
            .forEach(s -> merges.merged(s.id(), s.mergedInto()));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        bad++;
        problems.accept("line " + lineNo + ": " + e.getMessage());
      }
    }
    PrintWriter w = new PrintWriter(out);
    int duplicates = 0;
    java.util.Set<String> stories = new java.util.HashSet<>();
    for (Assignment a : assigned) {
      String story = merges.resolve(a.storyId());
      stories.add(story);
      ObjectNode o = JSON.createObjectNode().put("id", a.articleId()).put("story", story);
      if (a.duplicateOf() != null) {
        duplicates++;
        o.put("duplicateOf", a.duplicateOf());
      }
      w.println(JSON.writeValueAsString(o));
    }
    w.flush();
    return new Summary(assigned.size(), bad, stories.size(), duplicates, merges.size());
  }

  /**
   * The clusterer the pipeline uses: {@code settings}, with the countries of the shipped taxonomy's
   * bilingual gazetteer as places.
   */
  public static StoryClusterer standard(StorySettings settings) {
    return new StoryClusterer(settings, Places.countries(Tagger.loadDefault()));
  }

  /** One JSON object as an article; throws IllegalArgumentException with what is wrong. */
  static StoryArticle article(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode id = n.get("id");
    if (id == null || id.isNull() || id.asText().isBlank()) {
      throw new IllegalArgumentException("no \"id\"");
    }
    List<String> tags = new ArrayList<>();
    n.path("tags").forEach(t -> tags.add(t.asText()));
    return new StoryArticle(
        id.asText(),
        text(n, "title"),
        text(n, "text"),
        text(n, "outlet"),
        published(text(n, "published")),
        n.hasNonNull("lang") ? text(n, "lang") : text(n, "language"),
        tags);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * The publication time as the pipeline reads it ({@link StoryArticle#publishedAt}); a value it
   * cannot read is an error here, so that a file's bad dates are reported, not ignored.
   */
  static Instant published(String s) {
    Instant at = StoryArticle.publishedAt(s);
    if (at == null && s != null && !s.isBlank()) {
      throw new IllegalArgumentException(
          "\"published\" is not an ISO-8601 date or date-time: " + s);
    }
    return at;
  }

  /** {@code JsonlStories IN.jsonl|-}: writes the clustering to stdout, problems to stderr. */
  public static void main(String[] args) throws IOException {
    Reader in =
        args.length == 0 || args[0].equals("-")
            ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
            : Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
    Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    Summary s =
        run(in, out, standard(StorySettings.defaults().withLateness(null)), System.err::println);
    System.err.println(s);
  }
}
