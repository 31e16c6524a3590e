package io.newsflow.bench.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A local server (loopback only) playing many outlets: {@code /feed/N.xml} is outlet N's RSS feed
 * of {@code items} articles, one new article appearing every {@code changeEvery} seconds (ETag per
 * edition, 304 when unchanged); {@code /a/N/K.html} is an article page of about 6 KB.
 */
final class BenchOutlets implements AutoCloseable {
  final LongAdder feeds200 = new LongAdder();
  final LongAdder feeds304 = new LongAdder();
  final LongAdder articles = new LongAdder();
  final LongAdder robots = new LongAdder();
  private final HttpServer server;
  private final ExecutorService pool;
  private final int items;
  private final long changeEveryMillis;
  private final long t0 = System.currentTimeMillis();
  private final byte[] page;

  BenchOutlets(int items, long changeEveryMillis, int threads) throws IOException {
    this.items = items;
    this.changeEveryMillis = changeEveryMillis;
    this.page = page();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-outlets");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.startsWith("/feed/")) {
        feed(ex, path);
      } else if (path.startsWith("/a/")) {
        articles.increment();
        send(ex, 200, "text/html; charset=utf-8", page);
      } else if (path.equals("/robots.txt")) {
        robots.increment();
        send(
            ex,
            200,
            "text/plain",
            "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        send(ex, 404, "text/plain", new byte[0]);
      }
    }
  }

  private void feed(HttpExchange ex, String path) throws IOException {
    int outlet = Integer.parseInt(path.substring(6, path.indexOf('.')));
    // outlets change at staggered moments, as real ones do
    long edition =
        (System.currentTimeMillis() - t0 + (outlet * 7919L) % changeEveryMillis)
            / changeEveryMillis;
    String etag = "\"e" + edition + "\"";
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      feeds304.increment();
      ex.sendResponseHeaders(304, -1);
      return;
    }
    feeds200.increment();
    String host = ex.getRequestHeaders().getFirst("Host");
    StringBuilder rss =
        new StringBuilder(4096)
            .append("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outlet ")
            .append(outlet)
            .append("</title><link>http://")
            .append(host)
            .append("/</link><description>bench</description>");
    for (long k = edition + items - 1; k >= edition; k--) {
      rss.append("<item><title>Story ")
          .append(k)
          .append("</title><link>http://")
          .append(host)
          .append("/a/")
          .append(outlet)
          .append('/')
          .append(k)
          .append(".html?utm_source=rss</link><guid>")
          .append(outlet)
          .append('-')
          .append(k)
          .append("</guid></item>");
    }
    rss.append("</channel></rss>");
    ex.getResponseHeaders().set("ETag", etag);
    send(
        ex,
        200,
        "application/rss+xml; charset=utf-8",
        rss.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] page() {
    StringBuilder b =
        new StringBuilder(
            "<html><head><title>Story</title></head><body><nav>Home | World | Sport</nav><article><h1>Story</h1>");
    for (int i = 0; i < 20; i++) {
      b.append(
              "<p>The council voted on Monday to approve the new budget, after weeks of debate over spending on schools, ")
          .append("roads and the harbour; the mayor called it a compromise.</p>");
    }
    return b.append("</article><footer>Subscribe</footer></body></html>")
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
