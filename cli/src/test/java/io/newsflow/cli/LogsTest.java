package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {
  @TempDir Path dataDir;

  /** Apicurio's Vert.x client warns through java.util.logging when a registry client starts. */
  @Test
  void javaUtilLoggingGoesToTheLogFileNotTheConsole() throws Exception {
    String console =
        captureErr(
            () -> {
              Logs.configure(dataDir, Level.OFF);
              java.util.logging.Logger.getLogger("io.apicurio.registry.client")
                  .warning("Using default shared Vertx instance");
            });

    assertThat(console).doesNotContain("Vertx");
    assertThat(Files.readString(Logs.file(dataDir), StandardCharsets.UTF_8))
        .contains("WARN")
        .contains("io.apicurio.registry.client - Using default shared Vertx instance");
  }

  @Test
  void verboseBringsJavaUtilLoggingBackToTheConsole() throws Exception {
    String console =
        captureErr(
            () -> {
              Logs.configure(dataDir, Level.INFO);
              java.util.logging.Logger.getLogger("org.postgresql.Driver")
                  .info("connecting to the database");
            });

    assertThat(console).contains("connecting to the database");
  }

  private static String captureErr(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
