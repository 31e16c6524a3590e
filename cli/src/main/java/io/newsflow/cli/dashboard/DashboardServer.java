package io.newsflow.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.sink.ArticleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the dashboard: the page and its scripts from the jar, and a JSON endpoint behind each
 * view. The JDK's own HTTP server is enough for a read-only page a few people look at, and adds no
 * dependency. Only GET; nothing is written through it.
 */
final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  static final String ASSETS = "/io/newsflow/cli/dashboard/";
  static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8");

  private final HttpServer server;
  private final ExecutorService threads;
  private final DashboardState state;

  DashboardServer(String bind, int port, DashboardState state) throws IOException {
    this.state = state;
    this.server = HttpServer.create(new InetSocketAddress(bind, port), 0);
    this.threads =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "newsflow-dashboard-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  /** The address to open in a browser. */
  String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "localhost" : a.getHostString();
    return "http://" + host + ":" + a.getPort() + "/";
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
        send(ex, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      URI uri = ex.getRequestURI();
      String path = uri.getPath();
      Map<String, String> q = query(uri.getRawQuery());
      Instant now = Instant.now();
      if (path.equals("/") || path.equals("/index.html")) {
        asset(ex, ASSETS + "index.html");
      } else if (path.startsWith("/assets/uplot/")) {
        asset(ex, UPLOT + path.substring("/assets/uplot/".length()));
      } else if (path.startsWith("/assets/")) {
        asset(ex, ASSETS + path.substring("/assets/".length()));
      } else if (path.equals("/api/outlets")) {
        json(ex, state.outlets(now));
      } else if (path.equals("/api/pipeline")) {
        json(ex, state.pipeline(now));
      } else if (path.equals("/api/dead-letters")) {
        json(ex, state.deadLetters());
      } else if (path.equals("/api/articles")) {
        json(
            ex,
            state.articles(
                q.get("topic"), q.get("outlet"), q.get("language"), limit(q.get("limit"))));
      } else if (path.startsWith("/api/articles/")) {
        String id =
            URLDecoder.decode(path.substring("/api/articles/".length()), StandardCharsets.UTF_8);
        ObjectNode a = state.article(id);
        if (a == null) {
          ObjectNode err = ArticleJson.MAPPER.createObjectNode();
          err.put("error", "no article " + id + " among the latest ones the dashboard keeps");
          send(ex, 404, "application/json; charset=utf-8", bytes(err));
        } else {
          json(ex, a);
        }
      } else {
        send(
            ex,
            404,
            "text/plain; charset=utf-8",
            ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      LOG.warn("dashboard request {} failed: {}", ex.getRequestURI(), e.toString());
      try {
        send(ex, 500, "text/plain", ("error: " + e + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException ignored) {
        // the response had begun; the browser sees a cut reply
      }
    }
  }

  private static int limit(String s) {
    try {
      return s == null ? 50 : Math.max(1, Math.min(1000, Integer.parseInt(s)));
    } catch (NumberFormatException e) {
      return 50;
    }
  }

  private void asset(HttpExchange ex, String resource) throws IOException {
    if (resource.contains("..")) {
      send(ex, 404, "text/plain", new byte[0]);
      return;
    }
    try (InputStream in = DashboardServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        send(ex, 404, "text/plain", ("no such asset\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      String ext = resource.substring(resource.lastIndexOf('.') + 1);
      ex.getResponseHeaders().set("Cache-Control", "no-cache");
      send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), in.readAllBytes());
    }
  }

  private static void json(HttpExchange ex, JsonNode node) throws IOException {
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    send(ex, 200, "application/json; charset=utf-8", bytes(node));
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return ArticleJson.MAPPER.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        q.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
