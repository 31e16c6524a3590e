package io.newsflow.sink.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The few file-system steps crash safety rests on. */
public final class DurableFiles {
  private DurableFiles() {}

  /**
   * Cuts a last line that has no newline (a crash tore it mid-append), so the file ends on a whole
   * line again.
   *
   * @return the number of bytes cut
   */
  public static long cutTornTail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long keep = size;
      ByteBuffer chunk = ByteBuffer.allocate(8192);
      scan:
      while (keep > 0) {
        int n = (int) Math.min(chunk.capacity(), keep);
        chunk.clear().limit(n);
        ch.read(chunk, keep - n);
        for (int i = n - 1; i >= 0; i--) {
          if (chunk.get(i) == '\n') {
            keep -= n - 1 - i;
            break scan;
          }
        }
        keep -= n;
      }
      if (keep < size) {
        ch.truncate(keep);
        ch.force(true);
      }
      return size - keep;
    }
  }

  /** Makes a rename or a new file in {@code dir} survive a power loss (fsync of the directory). */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems refuse to open a directory for syncing; the rename is still atomic there
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }
}
