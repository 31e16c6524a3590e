package io.newsflow.sink.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.sink.ArticleJson;
import io.newsflow.sink.ArticleWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code articles.jsonl} in a folder with exactly one line per article id: a record seen
 * before (same id, same content) is skipped, a newer version replaces the older line, an older one
 * is ignored. Appends are fsynced before {@link #write} returns; a replacement rewrites the file to a
 * temporary name and renames it over the old one, so a reader never sees a half-written file.
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
      dropTornTail();
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
    StringBuilder appended = new StringBuilder();
    Map<String, String> replacements = new HashMap<>();
    for (EnrichedArticle a : batch) {
      ObjectNode json = ArticleJson.toJson(a);
      String fp = fingerprint(json);
      Entry seen = index.get(a.getId());
      String line = ArticleJson.MAPPER.writeValueAsString(json);
      if (seen == null) {
        appended.append(line).append('\n');
        outcomes.add(Outcome.WRITTEN);
      } else if (seen.fingerprint().equals(fp)) {
        outcomes.add(Outcome.DUPLICATE);
        continue;
      } else if (a.getVersion() < seen.version()) {
        outcomes.add(Outcome.STALE);
        continue;
      } else {
        replacements.put(a.getId(), line);
        outcomes.add(Outcome.REPLACED);
      }
      index.put(a.getId(), new Entry(a.getVersion(), fp));
    }
    if (!replacements.isEmpty()) {
      rewrite(replacements, appended.toString());
    } else if (appended.length() > 0) {
      channel.write(ByteBuffer.wrap(appended.toString().getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
    }
    return outcomes;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Rewrites the file with some lines replaced and new ones appended, then renames it into place. */
  private void rewrite(Map<String, String> replacements, String appended) throws IOException {
    channel.close();
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      StringBuilder buf = new StringBuilder();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String id = ArticleJson.MAPPER.readTree(line).path("id").asText();
        buf.append(replacements.getOrDefault(id, line)).append('\n');
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
          index.put(json.path("id").asText(), new Entry(json.path("version").asInt(1), fingerprint((ObjectNode) json)));
        }
      }
    }
  }

  /** A crash mid-append can leave a last line without its newline: cut it (it is re-consumed). */
  private void dropTornTail() throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long keep = size;
      ByteBuffer one = ByteBuffer.allocate(1);
      while (keep > 0) {
        one.clear();
        ch.read(one, keep - 1);
        if (one.get(0) == '\n') {
          break;
        }
        keep--;
      }
      if (keep < size) {
        ch.truncate(keep);
        ch.force(true);
      }
    }
  }

  private FileChannel openAppend() throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** What identifies the content: everything but the fetch time. */
  static String fingerprint(ObjectNode json) {
    ObjectNode copy = json.deepCopy();
    copy.remove("fetchedAt");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(
          ArticleJson.MAPPER.writeValueAsBytes(copy));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
