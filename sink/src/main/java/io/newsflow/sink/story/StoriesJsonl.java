package io.newsflow.sink.story;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schemas.Story;
import io.newsflow.sink.ArticleJson;
import io.newsflow.sink.file.DurableFiles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code stories.jsonl} in a folder: one line per story, its latest state (the largest {@code
 * sequence}), in the order the stories were opened. Each batch that changes something rewrites the
 * file to a temporary name, fsyncs it and renames it over the old one, so a reader never sees a
 * half-written file. The file's lines are held in memory: this view is for replays and moderate
 * runs; PostgreSQL's {@code stories} table is the one for a long-running monitor.
 */
public final class StoriesJsonl implements StoryWriter {
  public static final String FILE = "stories.jsonl";

  private record Line(long sequence, String json) {}

  private final Path file;
  private final Map<String, Line> lines = new LinkedHashMap<>();

  public StoriesJsonl(Path folder) throws IOException {
    Files.createDirectories(folder);
    this.file = folder.resolve(FILE);
    if (Files.exists(file)) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank()) {
            JsonNode n = ArticleJson.MAPPER.readTree(line);
            lines.put(n.get("id").asText(), new Line(n.path("sequence").asLong(), line));
          }
        }
      }
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void write(List<Story> batch) throws IOException {
    boolean changed = false;
    for (Story s : batch) {
      Line held = lines.get(s.getId());
      if (held == null || s.getSequence() > held.sequence()) {
        String json = ArticleJson.MAPPER.writeValueAsString(StoryJson.toJson(s));
        lines.put(s.getId(), new Line(s.getSequence(), json));
        changed = true;
      }
    }
    if (changed) {
      rewrite();
    }
  }

  private void rewrite() throws IOException {
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (Line l : lines.values()) {
        w.write(l.json());
        w.write('\n');
      }
    }
    try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      c.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    DurableFiles.syncDirectory(file.getParent());
  }

  @Override
  public void close() {}
}
