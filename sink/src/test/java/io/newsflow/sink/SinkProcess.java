package io.newsflow.sink;

import io.newsflow.sink.file.FileFormat;
import io.newsflow.sink.file.FileSink;
import io.newsflow.sink.file.FileSinkSettings;
import io.newsflow.sink.postgres.PostgresSettings;
import io.newsflow.sink.postgres.PostgresSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A sink in a process of its own, so a test can kill it with SIGKILL mid-write. Runs a file sink
 * and a PostgreSQL sink (each with its own consumer group) on one topic until killed or terminated.
 *
 * <p>Args: bootstrap topic outDir rollBytes jdbcUrl user password
 */
public final class SinkProcess {
  private SinkProcess() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String topic = args[1];
    FileSinkSettings files =
        new FileSinkSettings(
            Path.of(args[2]),
            FileFormat.JSONL,
            Long.parseLong(args[3]),
            Duration.ofSeconds(1),
            true);
    PostgresSettings db = new PostgresSettings(args[4], args[5], args[6], "fault-pg");
    SinkRunner fileRunner =
        new SinkRunner(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                "fault-files",
                "max.poll.records",
                50,
                "session.timeout.ms",
                6000),
            new FileSink(files),
            SinkListener.NONE,
            List.of(topic));
    SinkRunner pgRunner =
        new SinkRunner(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                "fault-pg",
                "max.poll.records",
                50,
                "session.timeout.ms",
                6000),
            new PostgresSink(db),
            SinkListener.NONE,
            List.of(topic));
    Thread f = new Thread(fileRunner, "file-sink");
    Thread p = new Thread(pgRunner, "pg-sink");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fileRunner.close();
                  pgRunner.close();
                  try {
                    f.join(30_000);
                    p.join(30_000);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    f.start();
    p.start();
    System.out.println("sink process running");
    f.join();
    p.join();
  }
}
