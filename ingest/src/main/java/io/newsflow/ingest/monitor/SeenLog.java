package io.newsflow.ingest.monitor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The seen store's file: lines appended and forced to disk, or the whole file replaced at once by a
 * compacted copy. Not thread-safe; {@link SeenStore} serialises every call.
 */
final class SeenLog implements AutoCloseable {
  private final Path file;
  private FileChannel channel;
  private BufferedWriter out;
  private long lines;

  /** Opens {@code file} for appending; {@code lines} is how many it already holds. */
  SeenLog(Path file, long lines) throws IOException {
    this.file = file;
    this.lines = lines;
    openForAppend();
  }

  /** Lines in the file, live or superseded. */
  long lines() {
    return lines;
  }

  /** Appends the lines and forces them to disk before returning. */
  void append(List<String> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      for (String l : batch) {
        out.write(l);
        out.write('\n');
      }
      out.flush();
      channel.force(false);
      lines += batch.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Replaces the file by one holding exactly {@code content}: written to a temporary file, forced,
   * renamed over the old one, and the folder forced, so a crash leaves either the old file or the
   * new one, never a mix.
   */
  void rewrite(Iterable<String> content) {
    try {
      close();
      lines = write(file, content);
      openForAppend();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compact " + file, e);
    }
  }

  /** Writes {@code content} to {@code file} atomically; returns the number of lines. */
  static long write(Path file, Iterable<String> content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    long n = 0;
    try (FileChannel c =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        BufferedWriter w =
            new BufferedWriter(Channels.newWriter(c, StandardCharsets.UTF_8), 1 << 16)) {
      for (String l : content) {
        w.write(l);
        w.write('\n');
        n++;
      }
      w.flush();
      c.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    forceFolder(file.toAbsolutePath().getParent());
    return n;
  }

  // the rename is durable only once the folder's entry is on disk; some platforms cannot open a
  // folder for this, and there the rename is as durable as the platform makes it
  private static void forceFolder(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, see above
    }
  }

  private void openForAppend() throws IOException {
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
