package io.newsflow.broker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a broker's data folder, held for the broker's lifetime, so that a second
 * broker (in another process or this one) fails at once instead of writing the same KRaft log. The
 * operating system drops the lock when the process dies, so a crash leaves nothing to clean up. The
 * holder's process id is written into the lock file to name it in the error.
 */
final class DataDirLock implements AutoCloseable {
  static final String FILE = "newsflow-broker.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code dir} (an existing folder).
   *
   * @throws IllegalStateException when another broker holds it, naming its process id
   * @throws IOException when the lock file cannot be opened or written
   */
  static DataDirLock acquire(Path dir) throws IOException {
    FileChannel channel =
        FileChannel.open(
            dir.resolve(FILE),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new IllegalStateException(
            "another broker is using "
                + dir
                + " (pid "
                + holder(channel)
                + "); stop it first, or give this one another data folder");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      channel.force(false);
      return new DataDirLock(channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  // a lock held by this JVM is reported by an exception, one held by another process by null
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      return null;
    }
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(32);
      channel.read(buf, 0);
      String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
      return pid.matches("\\d+") ? pid : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Releases the lock. The file stays: deleting it could let a broker that opened it just before
   * lock a file no longer in the folder while a third one locks a new one.
   */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
