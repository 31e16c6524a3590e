package io.newsflow.cli.dashboard;

import io.newsflow.cli.health.ExtractionHealth;
import io.newsflow.ingest.monitor.OutletStatus;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live web dashboard of a cluster's pipeline: outlets, rates per stage over time, consumer lag,
 * dead letters and the latest articles, each view with a JSON endpoint behind it ({@code
 * /api/outlets}, {@code /api/pipeline}, {@code /api/dead-letters}, {@code /api/articles}, {@code
 * /api/articles/ID}). It reads the topics with a consumer of its own, so it works the same beside
 * the pipeline in one process and against any cluster.
 */
public final class Dashboard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

  /**
   * @param serve whether to serve the page; without it, only the outlets' extraction health is
   *     watched, and only what that needs is read (no lag probe, no views)
   * @param alerts whether to judge the outlets' extraction health and raise alerts
   * @param bind the address to listen on (127.0.0.1 keeps it to this machine)
   * @param port the port, or 0 for a free one
   * @param keep how many of the latest articles and dead letters stay readable
   * @param enrichGroup the enrich stage's consumer group (its Streams application id)
   * @param sinkGroup the sink stage's consumer group
   */
  public record Settings(
      boolean serve,
      boolean alerts,
      String bind,
      int port,
      int keep,
      String enrichGroup,
      String sinkGroup) {
    public Settings {
      if (!serve && !alerts) {
        throw new IllegalArgumentException(
            "a dashboard that neither serves the page nor raises alerts has nothing to do");
      }
    }
  }

  private final DashboardState state;
  private final TopicWatcher watcher;
  private final LagProbe lag;
  private final DashboardServer server;
  private final boolean serve;

  private Dashboard(
      DashboardState state, TopicWatcher watcher, LagProbe lag, DashboardServer server) {
    this.state = state;
    this.watcher = watcher;
    this.lag = lag;
    this.server = server;
    this.serve = server != null;
  }

  /**
   * Starts reading the cluster and serving the page.
   *
   * @param clientProps Kafka client properties (bootstrap servers and any pass-through)
   * @param monitored the outlets this process monitors, or an empty list
   * @param waitingFor what a polling outlet waits for, in words, or null
   * @param onAlert told about each extraction-health alert (besides the dashboard showing it)
   * @throws java.net.BindException when the port is taken
   */
  public static Dashboard start(
      Settings settings,
      Map<String, Object> clientProps,
      Supplier<List<OutletStatus>> monitored,
      Supplier<String> waitingFor,
      Consumer<ExtractionHealth.Alert> onAlert)
      throws IOException {
    DashboardState state = new DashboardState(settings.keep(), monitored, waitingFor);
    DashboardServer server =
        settings.serve() ? new DashboardServer(settings.bind(), settings.port(), state) : null;
    TopicWatcher watcher =
        new TopicWatcher(
            clientProps, state, settings.keep(), onAlert, !settings.serve(), settings.alerts());
    // the lag is shown on the page only: without it, nobody reads it
    LagProbe lag =
        settings.serve()
            ? new LagProbe(
                clientProps,
                state,
                List.of(
                    new LagProbe.Group("enrich", settings.enrichGroup(), Topics.RAW.name()),
                    new LagProbe.Group("sink", settings.sinkGroup(), Topics.ENRICHED.name())),
                watcher.seenOffsets())
            : null;
    Dashboard d = new Dashboard(state, watcher, lag, server);
    try {
      watcher.start();
      if (lag != null) {
        lag.start(Duration.ofSeconds(3));
      }
      if (server != null) {
        server.start();
      }
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
    return d;
  }

  /** The address to open in a browser, or null when the page is not served. */
  public String url() {
    return server == null ? null : server.url();
  }

  /** Counts an article the sink in this process has written. */
  public void sunk(EnrichedArticle a) {
    if (serve) {
      state.counted("sink", null, Instant.now());
    }
  }

  /**
   * Waits until the topics' records written so far have been read and judged, at most {@code
   * timeout}; returns whether it got there.
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    long t0 = System.nanoTime();
    boolean done = watcher.awaitCaughtUp(timeout);
    LOG.info(
        "dashboard reader {} after {} ms",
        done ? "caught up" : "not caught up",
        (System.nanoTime() - t0) / 1_000_000);
    return done;
  }

  /** How many extraction-health alerts have been raised since the start. */
  public int alertCount() {
    return state.alertCount();
  }

  /** Shows an alert about an outlet. */
  public void alert(String outlet, String message) {
    state.alert(new DashboardState.Alert(outlet, message, Instant.now()));
  }

  public DashboardState state() {
    return state;
  }

  /**
   * CPU seconds the dashboard's threads (topic reader, lag probe, HTTP) have used, and the whole
   * process's, for what the dashboard costs the pipeline.
   */
  public static double[] cpuSeconds() {
    Map<String, Double> parts = cpuByPart();
    double ours = parts.values().stream().mapToDouble(Double::doubleValue).sum();
    long process =
        ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime()
            : -1;
    return new double[] {ours, process / 1e9};
  }

  /** CPU seconds of the dashboard's threads by what they do: reader, lag, http. */
  static Map<String, Double> cpuByPart() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Double> parts = new java.util.TreeMap<>();
    for (ThreadInfo t : threads.dumpAllThreads(false, false)) {
      String name = t.getThreadName();
      if (name.contains("newsflow-dashboard")) {
        String part = name.contains("watcher") ? "reader" : name.contains("-lag") ? "lag" : "http";
        long ns = Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
        parts.merge(part, ns / 1e9, Double::sum);
      }
    }
    return parts;
  }

  @Override
  public void close() {
    double[] cpu = cpuSeconds();
    StringBuilder parts = new StringBuilder();
    cpuByPart()
        .forEach(
            (part, s) ->
                parts
                    .append(parts.length() == 0 ? "" : ", ")
                    .append(part)
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", s))
                    .append(" s"));
    LOG.info(
        "dashboard CPU {} s of the process's {} s ({}%): {}",
        String.format(Locale.ROOT, "%.2f", cpu[0]),
        String.format(Locale.ROOT, "%.2f", cpu[1]),
        String.format(Locale.ROOT, "%.2f", cpu[1] > 0 ? cpu[0] / cpu[1] * 100 : 0),
        parts);
    long records = watcher.records();
    LOG.info(
        "dashboard reader ({}): {} records read, {} µs of its CPU per record",
        serve ? "views and health" : "health only",
        records,
        String.format(
            Locale.ROOT,
            "%.1f",
            records > 0 ? cpuByPart().getOrDefault("reader", 0.0) / records * 1e6 : 0));
    double[] atStart = watcher.cpuAtHistoryRead();
    if (atStart != null) {
      double ours = cpu[0] - atStart[0];
      double process = cpu[1] - atStart[1];
      LOG.info(
          "dashboard CPU after reading back its history: {} s of the process's {} s ({}%);"
              + " reading it back took {} s",
          String.format(Locale.ROOT, "%.2f", ours),
          String.format(Locale.ROOT, "%.2f", process),
          String.format(Locale.ROOT, "%.2f", process > 0 ? ours / process * 100 : 0),
          String.format(Locale.ROOT, "%.2f", atStart[0]));
    }
    if (server != null) {
      server.close();
    }
    if (lag != null) {
      lag.close();
    }
    try {
      watcher.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
