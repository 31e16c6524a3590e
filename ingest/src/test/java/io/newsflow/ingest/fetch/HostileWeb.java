package io.newsflow.ingest.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scripted faults for {@link OutletServer} (which listens on loopback only), written for these
 * tests: servers that drip bytes, send bodies far over any cap, or answer robots.txt with errors.
 * Each body-sending fault records how many bytes it got out and whether the client hung up on it,
 * so a test can tell a connection that was aborted from one that was drained to the end.
 */
public final class HostileWeb {
  private HostileWeb() {}

  /** What one scripted body got out before the client stopped reading. */
  public static final class Sent {
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean cutOff = new AtomicBoolean();
    private final AtomicLong finishedAtNanos = new AtomicLong();

    /** Bytes the server handed to the socket (TCP buffers hold some the client never read). */
    public long bytes() {
      return bytes.get();
    }

    /** Whether the client closed the connection before the whole body was written. */
    public boolean cutOff() {
      return cutOff.get();
    }

    /** Whether the handler has ended (by writing everything or by being cut off). */
    public boolean finished() {
      return finishedAtNanos.get() != 0;
    }

    /** Waits up to {@code limit} for the handler to end. */
    public void awaitFinished(Duration limit) throws InterruptedException {
      long until = System.nanoTime() + limit.toNanos();
      while (!finished() && System.nanoTime() < until) {
        Thread.sleep(20);
      }
    }

    void write(OutputStream out, byte[] chunk, int n) throws IOException {
      out.write(chunk, 0, n);
      out.flush();
      bytes.addAndGet(n);
    }

    void done(boolean cut) {
      cutOff.compareAndSet(false, cut);
      finishedAtNanos.compareAndSet(0, System.nanoTime());
    }
  }

  /**
   * A body that declares {@code length} bytes in its Content-Length and then sends one byte every
   * {@code every}: each read succeeds well within a read timeout, the whole never arrives.
   */
  public static OutletServer.Handler drip(int length, Duration every, Sent sent) {
    return ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, length);
      OutputStream out = ex.getResponseBody();
      byte[] one = {'x'};
      try {
        for (int i = 0; i < length; i++) {
          sent.write(out, one, 1);
          Thread.sleep(every.toMillis());
        }
        sent.done(false);
      } catch (IOException | InterruptedException e) {
        sent.done(true);
      }
    };
  }

  /**
   * A body of {@code length} bytes of HTML-ish text, sent as fast as the client reads; with {@code
   * declared} its Content-Length says so, otherwise it is chunked (the size shows only by reading).
   */
  public static OutletServer.Handler huge(long length, boolean declared, Sent sent) {
    return ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, declared ? length : 0);
      OutputStream out = ex.getResponseBody();
      byte[] chunk =
          "<p>filler filler filler</p>\n".repeat(2340).getBytes(StandardCharsets.US_ASCII);
      try {
        for (long left = length; left > 0; left -= chunk.length) {
          sent.write(out, chunk, (int) Math.min(chunk.length, left));
        }
        out.close();
        sent.done(false);
      } catch (IOException e) {
        sent.done(true);
      }
    };
  }

  /** Answers {@code status} (e.g. 503) the first {@code times} requests, then {@code then}. */
  public static OutletServer.Handler failing(int status, int times, OutletServer.Handler then) {
    AtomicLong n = new AtomicLong();
    return ex -> {
      if (n.getAndIncrement() < times) {
        ex.sendResponseHeaders(status, -1);
      } else {
        then.handle(ex);
      }
    };
  }

  /** Serves {@code body} as text/plain (a robots.txt). */
  public static OutletServer.Handler text(String body) {
    return ex -> OutletServer.send(ex, 200, "text/plain", body.getBytes(StandardCharsets.UTF_8));
  }
}
