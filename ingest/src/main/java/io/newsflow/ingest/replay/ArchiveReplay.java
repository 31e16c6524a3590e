package io.newsflow.ingest.replay;

import io.newsflow.ingest.RawSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * One entry point for every replayable archive: a folder ({@link FolderReplay}), a WARC file
 * ({@code .warc}, {@code .warc.gz}: {@link WarcReplay}) or JSON Lines ({@code .jsonl}, {@code
 * .ndjson}, optionally {@code .gz}: {@link JsonLinesReplay}).
 */
public final class ArchiveReplay {
  private ArchiveReplay() {}

  /** True when {@code path} is something {@link #replay} reads. */
  public static boolean accepts(Path path) {
    return Files.isDirectory(path) || kind(path) != null;
  }

  public static ReplayReport replay(
      Path path, ReplaySettings settings, RawSink sink, BiConsumer<Integer, Integer> progress)
      throws IOException {
    if (Files.isDirectory(path)) {
      return new FolderReplay(settings).replay(path, sink, progress);
    }
    String kind = kind(path);
    if ("warc".equals(kind)) {
      return new WarcReplay(settings).replay(path, sink, progress);
    }
    if ("jsonl".equals(kind)) {
      return new JsonLinesReplay(settings).replay(path, sink, progress);
    }
    throw new IllegalArgumentException("not a folder, WARC or JSON Lines file: " + path);
  }

  private static String kind(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".warc") || name.endsWith(".arc")) {
      return "warc";
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return "jsonl";
    }
    return null;
  }
}
