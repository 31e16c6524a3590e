package io.newsflow.sink.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.sink.ArticleJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * The commit log of the segments: {@code manifest.jsonl}, one line per committed segment, appended
 * and fsynced. A segment exists for readers once its line is in the manifest; the Kafka offsets
 * each line covers tell the sink where to resume. Lines are only ever appended; a line torn by a
 * crash is cut.
 */
public final class Manifest implements AutoCloseable {
  public static final String FILE = "manifest.jsonl";

  /** Offsets {@code [from, to)} of one partition that a segment covers. */
  public record Range(String topic, int partition, long from, long to) {}

  /**
   * One committed segment.
   *
   * @param seq sequence number, from 1
   * @param file the segment's file name in the segments folder, or null when the offsets it covers
   *     held no article (all were dead-lettered)
   * @param records number of articles in the file
   * @param ranges offsets covered, per partition
   * @param committedAt when it was committed (ISO-8601 UTC)
   */
  public record Entry(
      long seq, String file, long records, List<Range> ranges, String committedAt) {}

  private final Path path;
  private final List<Entry> entries = new ArrayList<>();
  private final FileChannel channel;

  private Manifest(Path path) throws IOException {
    this.path = path;
    DurableFiles.cutTornTail(path);
    if (Files.exists(path)) {
      try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!line.isBlank()) {
            entries.add(parse(ArticleJson.MAPPER.readTree(line)));
          }
        }
      }
    }
    this.channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Opens (creating when missing) the manifest at {@code path}, cutting a torn last line. */
  public static Manifest open(Path path) throws IOException {
    return new Manifest(path);
  }

  /** Reads a manifest without opening it for writing (for readers and tests). */
  public static List<Entry> read(Path path) throws IOException {
    List<Entry> out = new ArrayList<>();
    if (!Files.exists(path)) {
      return out;
    }
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        try {
          out.add(parse(ArticleJson.MAPPER.readTree(line)));
        } catch (IOException torn) {
          break; // a line being appended right now
        }
      }
    }
    return out;
  }

  public Path path() {
    return path;
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  public long lastSeq() {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
  }

  /** When the last segment was committed; empty before the first. */
  public Optional<Instant> lastCommittedAt() {
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(entries.get(entries.size() - 1).committedAt()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Per partition, the offset after the last one any committed segment covers. */
  public Map<TopicPartition, Long> positions() {
    Map<TopicPartition, Long> next = new HashMap<>();
    for (Entry e : entries) {
      for (Range r : e.ranges()) {
        next.merge(new TopicPartition(r.topic(), r.partition()), r.to(), Math::max);
      }
    }
    return next;
  }

  /** Appends an entry and fsyncs it: the commit point of a segment. */
  public void append(Entry e) throws IOException {
    ObjectNode o = ArticleJson.MAPPER.createObjectNode();
    o.put("seq", e.seq());
    o.put("file", e.file());
    o.put("records", e.records());
    var ranges = o.putArray("ranges");
    for (Range r : e.ranges()) {
      ranges
          .addObject()
          .put("topic", r.topic())
          .put("partition", r.partition())
          .put("from", r.from())
          .put("to", r.to());
    }
    o.put("committedAt", e.committedAt());
    byte[] line =
        (ArticleJson.MAPPER.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.wrap(line);
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    channel.force(false);
    entries.add(e);
  }

  private static Entry parse(JsonNode n) {
    List<Range> ranges = new ArrayList<>();
    for (JsonNode r : n.path("ranges")) {
      ranges.add(
          new Range(
              r.path("topic").asText(),
              r.path("partition").asInt(),
              r.path("from").asLong(),
              r.path("to").asLong()));
    }
    String file =
        n.path("file").isNull() || n.path("file").isMissingNode() ? null : n.path("file").asText();
    return new Entry(
        n.path("seq").asLong(),
        file,
        n.path("records").asLong(),
        List.copyOf(ranges),
        n.path("committedAt").asText());
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
