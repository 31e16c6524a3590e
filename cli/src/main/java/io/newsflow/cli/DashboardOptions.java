package io.newsflow.cli;

import io.newsflow.cli.dashboard.Dashboard;
import io.newsflow.cli.health.ExtractionHealth;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.monitor.OutletStatus;
import io.newsflow.sink.SinkConfig;
import java.io.IOException;
import java.net.BindException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The web dashboard's options, shared by run, replay and ui. */
final class DashboardOptions {
  @Option(
      names = "--ui",
      description =
          "Serve the live web dashboard while this runs (http://127.0.0.1:8642/ by default).")
  boolean ui;

  @Option(
      names = "--ui-port",
      paramLabel = "PORT",
      description = "Port of the dashboard (default 8642; 0 picks a free one). Implies --ui.")
  Integer port;

  @Option(
      names = "--ui-bind",
      paramLabel = "ADDRESS",
      description =
          "Address the dashboard listens on (default 127.0.0.1, this machine only). Implies --ui.")
  String bind;

  /** How many of the latest articles and dead letters the dashboard keeps readable. */
  static final int KEEP = 2000;

  boolean wanted() {
    return ui || port != null || bind != null;
  }

  /** Command-line settings for the layered configuration. */
  Map<String, Object> settings() {
    Map<String, Object> m = new HashMap<>();
    m.put(NewsflowConfig.UI_PORT_CONFIG, port);
    m.put(NewsflowConfig.UI_BIND_CONFIG, bind);
    return m;
  }

  /**
   * The dashboard and alerts watcher a pipeline command runs: served when asked for ({@link
   * #wanted()}), watching only when alerts are on, none (null) when neither.
   */
  Dashboard startIfWanted(
      NewsflowConfig config,
      Cluster cluster,
      Supplier<List<OutletStatus>> monitored,
      Supplier<String> waitingFor,
      Consumer<ExtractionHealth.Alert> alerts,
      Progress progress)
      throws IOException {
    if (!wanted() && !config.getBoolean(NewsflowConfig.ALERTS_CONFIG)) {
      return null;
    }
    return start(config, cluster, wanted(), monitored, waitingFor, alerts, progress);
  }

  /**
   * Starts watching the cluster's topics for the outlets' extraction health, alerting to {@code
   * alerts}, and serves the dashboard when {@code serve}.
   *
   * @throws UserError when the port is taken
   */
  static Dashboard start(
      NewsflowConfig config,
      Cluster cluster,
      boolean serve,
      Supplier<List<OutletStatus>> monitored,
      Supplier<String> waitingFor,
      Consumer<ExtractionHealth.Alert> alerts,
      Progress progress)
      throws IOException {
    String bind = config.getString(NewsflowConfig.UI_BIND_CONFIG);
    int port = config.getInt(NewsflowConfig.UI_PORT_CONFIG);
    Dashboard.Settings s =
        new Dashboard.Settings(
            serve,
            config.getBoolean(NewsflowConfig.ALERTS_CONFIG),
            bind,
            port,
            KEEP,
            EnrichService.DEFAULT_APPLICATION_ID,
            new SinkConfig(config.originals()).group());
    try {
      Dashboard d = Dashboard.start(s, cluster.clientProps(), monitored, waitingFor, alerts);
      if (serve) {
        progress.info("dashboard at " + d.url());
      }
      return d;
    } catch (BindException e) {
      throw new UserError(
          "cannot serve the dashboard on "
              + bind
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "). Pick another port with --ui-port (0 picks a free one).",
          e);
    }
  }
}
