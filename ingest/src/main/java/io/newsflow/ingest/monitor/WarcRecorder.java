package io.newsflow.ingest.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes every article page the monitor produced to a gzip WARC file as a {@code response} record
 * (status, content type, the body as received after content decoding), so a run can be replayed
 * later with {@code replay}. Thread-safe.
 */
public final class WarcRecorder implements MonitorListener, AutoCloseable {
  private final WarcWriter writer;

  public WarcRecorder(Path file) throws IOException {
    this.writer =
        new WarcWriter(
            java.nio.channels.FileChannel.open(
                file,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.APPEND),
            WarcCompression.GZIP);
  }

  @Override
  public void fetched(String url, Instant at, int status, String contentType, byte[] body) {
    try {
      HttpResponse http =
          new HttpResponse.Builder(status, "OK")
              .body(
                  MediaType.parseLeniently(
                      contentType == null ? "application/octet-stream" : contentType),
                  body)
              .build();
      writer.write(new WarcResponse.Builder(url).date(at).body(http).build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write WARC record for " + url, e);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
