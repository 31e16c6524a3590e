package io.newsflow.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A local HTTP server (loopback only) that plays outlets in tests: each path answers with a fixed
 * page or a scripted behaviour (slow, truncated, redirect loop, 429...). Records hits and headers.
 */
public final class OutletServer implements AutoCloseable {
  /** A scripted answer. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "outlet-server");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  public final List<String> userAgents = new CopyOnWriteArrayList<>();
  public final List<String> conditionalRequests = new CopyOnWriteArrayList<>();

  /** One request: its path (and query) and when it arrived ({@link System#nanoTime}). */
  public record Hit(String path, long atNanos) {}

  /** Every request, in arrival order. */
  public final List<Hit> log = new CopyOnWriteArrayList<>();

  public OutletServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url(String path) {
    return base() + path;
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  public OutletServer on(String path, Handler h) {
    routes.put(path, h);
    return this;
  }

  public OutletServer page(String path, String contentType, String body) {
    return page(path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public OutletServer page(String path, String contentType, byte[] body) {
    return on(path, ex -> send(ex, 200, contentType, body));
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String path =
        ex.getRequestURI().getRawPath()
            + (ex.getRequestURI().getRawQuery() == null
                ? ""
                : "?" + ex.getRequestURI().getRawQuery());
    log.add(new Hit(path, System.nanoTime()));
    hits.computeIfAbsent(ex.getRequestURI().getRawPath(), k -> new AtomicInteger())
        .incrementAndGet();
    userAgents.add(String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
    if (ex.getRequestHeaders().containsKey("If-None-Match")
        || ex.getRequestHeaders().containsKey("If-Modified-Since")) {
      conditionalRequests.add(ex.getRequestURI().getRawPath());
    }
    Handler h = routes.getOrDefault(path, routes.get(ex.getRequestURI().getRawPath()));
    try {
      if (h == null) {
        send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      } else {
        h.handle(ex);
      }
    } finally {
      ex.close();
    }
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
