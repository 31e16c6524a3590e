package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testkit.SharedData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees on the console, with the command run as the launcher runs it: a new JVM on the
 * packaged jar and its libraries, so logging is set up exactly as for a user.
 */
class ConsoleIT {
  /** A log line of any logger at WARN or ERROR, or one of newsflow's own warnings or errors. */
  static final Pattern ALARM =
      Pattern.compile(
          "\\b(WARN|ERROR|FATAL)\\b|^newsflow( \\w+)?: (warning|error)", Pattern.MULTILINE);

  @TempDir Path dir;

  @Test
  void shouldPrintNoWarningOrErrorForTheReadmeReplayOnAFreshFolderNorOnASecondRun()
      throws Exception {
    String[] cmd = {
      "replay",
      SharedData.seeds().toString(),
      "--out",
      dir.resolve("out").toString(),
      "--data-dir",
      dir.resolve("data").toString()
    };
    for (int run = 1; run <= 2; run++) {
      Result r = launch(180, cmd);
      assertThat(r.exitCode()).as("run %d: %s", run, r.err()).isZero();
      assertThat(r.out()).contains("newsflow replay summary").contains("dead-lettered    0");
      assertThat(r.err()).as("console of run %d", run).doesNotContainPattern(ALARM);
      assertThat(r.err()).contains("newsflow: starting the in-process Kafka broker");
    }
    Path log = Logs.file(dir.resolve("data"));
    assertThat(log).exists();
    // Kafka's own lines are kept, in the file
    assertThat(Files.readString(log)).contains("org.apache.kafka.streams.KafkaStreams");
    // and the restarted sink's dead-letter scan asks for offsets of partitions it has assigned, so
    // the consumer has no "not assigned" warning to write even there
    assertThat(Files.readString(log)).doesNotContain("Not updating high watermark");
  }

  @Test
  void shouldShowKafkaLinesOnTheConsoleWhenVerbose() throws Exception {
    Result r =
        launch(
            60,
            "tail",
            "news.dlq",
            "--max",
            "0",
            "--bootstrap-servers",
            deadAddress(),
            "--data-dir",
            dir.resolve("data").toString(),
            "--verbose");
    assertThat(r.err()).contains("INFO").contains("AdminClientConfig");
  }

  @Test
  void shouldFailWithinFifteenSecondsWithOneClearLineWhenNoBrokerAnswers() throws Exception {
    long t0 = System.nanoTime();
    Result r =
        launch(
            60,
            "tail",
            "news.topic.sovereignty",
            "--bootstrap-servers",
            deadAddress(),
            "--data-dir",
            dir.resolve("data").toString());
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(seconds).as("seconds until it gave up").isLessThan(15);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .contains("no Kafka broker answered at " + "127.0.0.1:")
        .contains("--bootstrap-servers");
    assertThat(r.out()).isEmpty();
  }

  record Result(int exitCode, String out, String err) {}

  /** Runs {@code newsflow args} in a new JVM on the packaged jar, as ./newsflow does. */
  static Result launch(int timeoutSeconds, String... args) throws Exception {
    Path jar = Path.of("target", "newsflow.jar");
    assertThat(jar).as("packaged jar (failsafe runs after package)").exists();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(jar + java.io.File.pathSeparator + Path.of("target", "lib") + "/*");
    cmd.add(Newsflow.class.getName());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("newsflow-out", ".txt");
    Path err = Files.createTempFile("newsflow-err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith(NewsflowConfig.ENV_PREFIX));
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError(
          "newsflow " + String.join(" ", args) + " still running after " + timeoutSeconds + " s");
    }
    try {
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** A loopback address where nothing listens. */
  static String deadAddress() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "127.0.0.1:" + s.getLocalPort();
    }
  }
}
