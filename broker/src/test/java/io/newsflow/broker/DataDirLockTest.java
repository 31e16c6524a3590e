package io.newsflow.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder's lock between processes, as two {@code newsflow broker} commands meet it. */
class DataDirLockTest {
  @TempDir Path dir;

  @Test
  void shouldRefuseAFolderAnotherProcessHoldsNamingItsPidUntilItEnds() throws Exception {
    Process holder = holdInAnotherProcess();
    try {
      assertThatThrownBy(() -> DataDirLock.acquire(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("another broker is using " + dir + " (pid " + holder.pid() + ")");
    } finally {
      holder.getOutputStream().close(); // the holder ends when its input closes
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    try (DataDirLock lock = DataDirLock.acquire(dir)) {
      assertThat(Files.readString(dir.resolve(DataDirLock.FILE)).strip())
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void shouldFreeTheFolderWhenTheHoldingProcessIsKilled() throws Exception {
    Process holder = holdInAnotherProcess();
    holder.destroyForcibly();
    assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();

    try (DataDirLock lock = DataDirLock.acquire(dir)) {
      assertThat(lock).isNotNull();
    }
  }

  @Test
  void shouldRefuseTheFolderToASecondBrokerInThisProcess() throws Exception {
    try (DataDirLock first = DataDirLock.acquire(dir)) {
      assertThatThrownBy(() -> DataDirLock.acquire(dir))
          .hasMessageStartingWith(
              "another broker is using " + dir + " (pid " + ProcessHandle.current().pid() + ")");
    }
    try (DataDirLock again = DataDirLock.acquire(dir)) {
      assertThat(again).isNotNull();
    }
  }

  /** Starts a JVM that takes the lock on {@link #dir}; returns once it holds it. */
  private Process holdInAnotherProcess() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("locked");
    return p;
  }

  /** Holds the lock on the folder named by its argument until its standard input closes. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
          // wait for the parent to close our input
        }
      }
    }
  }
}
