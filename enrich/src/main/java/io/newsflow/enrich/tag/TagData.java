package io.newsflow.enrich.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Labeled articles for training and measuring the tagger's models: JSON Lines in the shape of
 * {@code ../shared/bench/tagging} ({@code id, lang, title, text, labels}), and the WCXB pages of
 * {@code ../shared/bench/extraction/wcxb-dev} (their gold title and body) with hand labels.
 */
public final class TagData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TagData() {}

  /** One labeled article. */
  public record Item(String id, String lang, String title, String text, Set<String> labels) {}

  /**
   * Whether an item belongs to the validation split: a fixed 30% of ids, chosen by a hash of the id
   * alone, so the split never depends on order, on the labels or on anything tuned.
   */
  public static boolean validation(String id) {
    CRC32 crc = new CRC32();
    crc.update(id.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 10 < 3;
  }

  /** Reads labeled JSON Lines. */
  public static List<Item> jsonl(Path file) throws IOException {
    List<Item> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(item(JSON.readTree(line)));
        }
      }
    }
    return out;
  }

  private static Item item(JsonNode n) {
    Set<String> labels = new LinkedHashSet<>();
    n.path("labels").forEach(l -> labels.add(l.asText()));
    return new Item(
        n.path("id").asText(),
        n.hasNonNull("lang") ? n.get("lang").asText() : null,
        n.path("title").asText(""),
        n.path("text").asText(""),
        Set.copyOf(labels));
  }

  /**
   * The WCXB pages with a gold body, labeled by {@code labels} (JSON Lines {@code {id, labels}}
   * with ids {@code wcxb-NNNN}); a page the file does not list is off topic: the file lists every
   * page that any cue or topic keyword touches, each read and labeled by hand.
   */
  public static List<Item> wcxb(Path groundTruth, Path labels) throws IOException {
    Map<String, Set<String>> byId = new HashMap<>();
    for (Item i : jsonl(labels)) {
      byId.put(i.id(), i.labels());
    }
    JsonNode gold = JSON.readTree(groundTruth.toFile());
    Map<String, JsonNode> sorted = new TreeMap<>();
    gold.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
    List<Item> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
      String body = e.getValue().path("articleBody").asText("");
      if (body.isBlank()) {
        continue;
      }
      String id = "wcxb-" + e.getKey();
      out.add(
          new Item(
              id,
              null,
              e.getValue().path("title").asText(""),
              body,
              byId.getOrDefault(id, Set.of())));
    }
    return out;
  }
}
