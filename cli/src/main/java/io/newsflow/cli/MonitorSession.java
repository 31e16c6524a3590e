package io.newsflow.cli;

import io.newsflow.ingest.KafkaRawSink;
import io.newsflow.ingest.fetch.AddressGuard;
import io.newsflow.ingest.monitor.Monitor;
import io.newsflow.ingest.monitor.MonitorConfig;
import io.newsflow.ingest.monitor.MonitorListener;
import io.newsflow.ingest.monitor.Outlet;
import io.newsflow.ingest.monitor.OutletsFile;
import io.newsflow.ingest.monitor.Output;
import io.newsflow.ingest.monitor.WarcRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Outlet monitoring producing to a cluster, as {@code run} and {@code ingest --outlets} both use
 * it: take-downs become tombstones on the compacted news.articles, and fetched pages go to WARC
 * when asked. Closing it finishes fetches in flight, flushes to Kafka and saves the seen-URL store.
 */
final class MonitorSession implements AutoCloseable {
  private final KafkaRawSink sink;
  private final WarcRecorder recorder;
  private final Monitor monitor;

  /**
   * Reads and checks an outlets file.
   *
   * @throws IllegalArgumentException naming the file, outlet and key at fault
   */
  static List<Outlet> loadOutlets(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no outlets file at " + file);
    }
    try {
      return OutletsFile.load(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read outlets file " + file + ": " + e.getMessage(), e);
    }
  }

  MonitorSession(
      NewsflowConfig config, List<Outlet> outlets, Cluster cluster, Path warc, Progress progress)
      throws IOException {
    MonitorConfig monitorConfig = new MonitorConfig(config.originals());
    if (!monitorConfig.hasContact()) {
      progress.info(
          "warning: monitor.contact is not set; site owners cannot reach you (set NEWSFLOW_MONITOR_CONTACT)");
    }
    this.sink = new KafkaRawSink(cluster.clientProps());
    this.recorder = warc == null ? null : new WarcRecorder(warc);
    this.monitor =
        new Monitor(
            monitorConfig.settings(version(), config.dataDir().resolve("ingest")),
            outlets,
            Output.of(sink),
            listener(progress),
            AddressGuard.systemResolver());
  }

  void start() {
    monitor.start();
  }

  Monitor monitor() {
    return monitor;
  }

  @Override
  public void close() throws IOException {
    try {
      monitor.close();
      sink.flush();
    } finally {
      if (recorder != null) {
        recorder.close();
      }
      sink.close();
    }
  }

  private MonitorListener listener(Progress progress) {
    return new MonitorListener() {
      @Override
      public void takenDown(Takedown t) {
        sink.tombstone(t.articleId());
        progress.info(
            t.outlet()
                + ": taken down (HTTP "
                + t.status()
                + "), tombstoned on news.articles: "
                + t.url());
      }

      @Override
      public void fetched(String url, Instant at, int status, String contentType, byte[] body) {
        if (recorder != null) {
          recorder.fetched(url, at, status, contentType, body);
        }
      }
    };
  }

  static String version() {
    String v = MonitorSession.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
