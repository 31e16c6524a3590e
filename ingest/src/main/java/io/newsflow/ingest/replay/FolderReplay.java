package io.newsflow.ingest.replay;

import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.RawSink;
import io.newsflow.ingest.fetch.Charsets;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Via;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Replays a folder, recursively and in path order: {@code .txt} files as scraped text, {@code
 * .html}/{@code .htm} (optionally {@code .gz}) as pages. Unreadable or oversized files become dead
 * letters; other files are reported as skipped. Nothing is dropped silently.
 */
public final class FolderReplay {
  private final ReplaySettings settings;

  public FolderReplay(ReplaySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The files a replay of {@code root} would read, in order. */
  public List<Path> list(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("not a folder: " + root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /**
   * Replays every file below {@code root} into {@code sink}.
   *
   * @param progress called after each file with (files done, files total); may be a no-op
   */
  public ReplayReport replay(Path root, RawSink sink, BiConsumer<Integer, Integer> progress) {
    List<Path> files = list(root);
    ReplayReport.Tally tally = new ReplayReport.Tally();
    int done = 0;
    for (Path file : files) {
      String rel = root.relativize(file).toString().replace('\\', '/');
      String type = contentType(rel);
      if (type == null) {
        tally.skipped(rel);
      } else {
        replayOne(file, rel, type, sink, tally);
      }
      progress.accept(++done, files.size());
    }
    return tally.report();
  }

  private void replayOne(
      Path file, String rel, String type, RawSink sink, ReplayReport.Tally tally) {
    try {
      long size = Files.size(file);
      if (size > settings.maxBytes()) {
        String id = ArticleIds.forFile(rel, new byte[0]);
        sink.deadLetter(
            ReplayLetters.of(
                id,
                rel,
                "file is " + size + " bytes, over the cap of " + settings.maxBytes(),
                null,
                null));
        tally.deadLettered();
        return;
      }
      byte[] body = read(file, rel);
      String id = ArticleIds.forFile(rel, body);
      sink.article(
          RawArticle.newBuilder()
              .setId(id)
              .setSource(rel)
              .setOutlet(settings.outlet())
              .setVia(Via.REPLAY)
              .setFetchedAt(Files.getLastModifiedTime(file).toInstant())
              .setContentType(type)
              .setCharset(Charsets.isValidUtf8(body) ? "UTF-8" : null)
              .setBody(ByteBuffer.wrap(body))
              .setVersion(1)
              .build());
      tally.produced();
    } catch (IOException e) {
      String id = ArticleIds.forFile(rel, new byte[0]);
      sink.deadLetter(ReplayLetters.of(id, rel, "cannot read file: " + e.getMessage(), e, null));
      tally.deadLettered();
    }
  }

  private byte[] read(Path file, String rel) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (!rel.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return bytes;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
      if (out.length > settings.maxBytes()) {
        throw new IOException(
            "decompresses to more than the cap of " + settings.maxBytes() + " bytes");
      }
      return out;
    }
  }

  /** text/plain, text/html, or null for a file that is not an article. */
  static String contentType(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".gz")) {
      p = p.substring(0, p.length() - 3);
    }
    if (p.endsWith(".txt") || p.endsWith(".text")) {
      return "text/plain";
    }
    if (p.endsWith(".html") || p.endsWith(".htm") || p.endsWith(".xhtml")) {
      return "text/html";
    }
    return null;
  }
}
