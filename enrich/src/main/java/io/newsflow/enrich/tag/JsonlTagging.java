package io.newsflow.enrich.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;

/**
 * Tags JSON Lines: reads {@code {id, title, text[, language]}} per line and writes {@code {id,
 * labels, topics:[{name, score, evidence:[...]}], taxonomyVersion}} per line. Used by the {@code
 * tag} command; its {@link #main} runs it without the CLI module (for quick measurement).
 */
public final class JsonlTagging {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlTagging() {}

  /** Counts of one run. */
  public record Summary(int items, int bad) {}

  /**
   * Tags every line of {@code in} into {@code out}. A line that is not a JSON object becomes {@code
   * {"line": n, "error": "..."}} and the run goes on.
   */
  public static Summary run(Reader in, Writer out, Tagger tagger) throws IOException {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    PrintWriter w = new PrintWriter(out);
    int items = 0;
    int bad = 0;
    int lineNo = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      items++;
      try {
        w.println(JSON.writeValueAsString(tagOne(JSON.readTree(line), tagger)));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        bad++;
        ObjectNode err = JSON.createObjectNode().put("line", lineNo).put("error", e.getMessage());
        w.println(JSON.writeValueAsString(err));
      }
    }
    w.flush();
    return new Summary(items, bad);
  }

  static ObjectNode tagOne(JsonNode item, Tagger tagger) {
    if (item == null || !item.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String language =
        item.hasNonNull("language")
            ? item.get("language").asText()
            : item.hasNonNull("lang") ? item.get("lang").asText() : null;
    List<Tag> tags =
        tagger.tag(item.path("title").asText(""), item.path("text").asText(""), language);
    ObjectNode out = JSON.createObjectNode();
    out.set("id", item.get("id"));
    ArrayNode labels = out.putArray("labels");
    tags.forEach(t -> labels.add(t.name()));
    ArrayNode topics = out.putArray("topics");
    for (Tag t : tags) {
      ObjectNode o =
          topics
              .addObject()
              .put("name", t.name())
              .put("score", Math.round(t.score() * 1000) / 1000.0);
      put(o.putArray("evidence"), t.evidence());
      put(o.putArray("sentences"), t.sentences());
    }
    out.put("taxonomyVersion", tagger.version());
    return out;
  }

  private static void put(ArrayNode into, List<Match> matches) {
    for (Match m : matches) {
      into.addObject()
          .put("phrase", m.phrase())
          .put("field", m.field())
          .put("start", m.start())
          .put("end", m.end())
          .put("rule", m.rule());
    }
  }

  /** {@code JsonlTagging IN.jsonl|- [TAXONOMY.json]}: writes predictions to stdout. */
  public static void main(String[] args) throws IOException {
    Tagger tagger = args.length > 1 ? Tagger.load(Path.of(args[1])) : Tagger.loadDefault();
    Reader in =
        args.length == 0 || args[0].equals("-")
            ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
            : Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
    Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    run(in, out, tagger);
  }
}
