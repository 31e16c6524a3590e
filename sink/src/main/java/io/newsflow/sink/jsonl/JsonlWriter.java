package io.newsflow.sink.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.sink.ArticleFingerprint;
import io.newsflow.sink.ArticleJson;
import io.newsflow.sink.ArticleWriter;
import io.newsflow.sink.file.DurableFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code articles.jsonl} in a folder with exactly one line per article id: a record seen
 * before (same id, same content) is skipped, a newer version replaces the older line, an older one
 * is ignored. Appends are fsynced before {@link #write} returns; a replacement rewrites the file to
 * a temporary name and renames it over the old one, so a reader never sees a half-written file.
 */
public final class JsonlWriter implements ArticleWriter {
  public static final String FILE = "articles.jsonl";

  private record Entry(int version, String fingerprint) {}

  private final Path file;
  private final Map<String, Entry> index = new HashMap<>();
  private FileChannel channel;

  public JsonlWriter(Path folder) throws IOException {
    Files.createDirectories(folder);
    this.file = folder.resolve(FILE);
    if (Files.exists(file)) {
      DurableFiles.cutTornTail(file);
      loadIndex();
    }
    this.channel = openAppend();
  }

  public Path file() {
    return file;
  }

  @Override
  public List<Outcome> write(List<EnrichedArticle> batch) throws IOException {
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    // new ids in arrival order; a later version of one of them in the same batch replaces it here
    Map<String, String> appended = new LinkedHashMap<>();
    Map<String, String> replacements = new HashMap<>();
    for (EnrichedArticle a : batch) {
      ObjectNode json = ArticleJson.toJson(a);
      String fp = fingerprint(json);
      Entry seen = index.get(a.getId());
      if (seen != null && seen.fingerprint().equals(fp)) {
        outcomes.add(Outcome.DUPLICATE);
        continue;
      }
      if (seen != null && a.getVersion() < seen.version()) {
        outcomes.add(Outcome.STALE);
        continue;
      }
      String line = ArticleJson.MAPPER.writeValueAsString(json);
      if (seen == null) {
        appended.put(a.getId(), line);
        outcomes.add(Outcome.WRITTEN);
      } else {
        (appended.containsKey(a.getId()) ? appended : replacements).put(a.getId(), line);
        outcomes.add(Outcome.REPLACED);
      }
      index.put(a.getId(), new Entry(a.getVersion(), fp));
    }
    StringBuilder tail = new StringBuilder();
    appended.values().forEach(l -> tail.append(l).append('\n'));
    if (!replacements.isEmpty()) {
      rewrite(replacements, tail.toString());
    } else if (tail.length() > 0) {
      ByteBuffer buf = ByteBuffer.wrap(tail.toString().getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
    }
    return outcomes;
  }

  /**
   * Removes the lines of these ids (articles taken down), durably; ids not in the file are ignored.
   *
   * @return how many lines were removed
   */
  @Override
  public int remove(Collection<String> ids) throws IOException {
    Map<String, String> removals = new HashMap<>();
    for (String id : ids) {
      if (index.remove(id) != null) {
        removals.put(id, null);
      }
    }
    if (!removals.isEmpty()) {
      rewrite(removals, "");
    }
    return removals.size();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /**
   * Rewrites the file with some lines replaced and new ones appended, then renames it into place.
   */
  private void rewrite(Map<String, String> replacements, String appended) throws IOException {
    channel.close();
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        FileChannel out =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      StringBuilder buf = new StringBuilder();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String id = ArticleJson.MAPPER.readTree(line).path("id").asText();
        String kept = replacements.containsKey(id) ? replacements.get(id) : line;
        if (kept != null) { // null: removed
          buf.append(kept).append('\n');
        }
        if (buf.length() > 1 << 20) {
          out.write(ByteBuffer.wrap(buf.toString().getBytes(StandardCharsets.UTF_8)));
          buf.setLength(0);
        }
      }
      buf.append(appended);
      out.write(ByteBuffer.wrap(buf.toString().getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    channel = openAppend();
  }

  private void loadIndex() throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          JsonNode json = ArticleJson.MAPPER.readTree(line);
          index.put(
              json.path("id").asText(),
              new Entry(json.path("version").asInt(1), fingerprint((ObjectNode) json)));
        }
      }
    }
  }

  private FileChannel openAppend() throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** What identifies the content: everything but the fetch time. */
  static String fingerprint(ObjectNode json) {
    return ArticleFingerprint.of(json);
  }
}
