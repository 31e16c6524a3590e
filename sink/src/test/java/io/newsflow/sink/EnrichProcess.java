package io.newsflow.sink;

import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.topology.EnrichSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * An enrich instance in a process of its own, so a test can kill it with SIGKILL mid-stream. Prints
 * {@code running} once it has joined; runs until killed or terminated.
 *
 * <p>Args: bootstrap applicationId stateDir replicationFactor
 */
public final class EnrichProcess {
  private EnrichProcess() {}

  public static void main(String[] args) throws Exception {
    EnrichService enrich = new EnrichService(props(args[0], args[1], args[2], args[3]), settings());
    Runtime.getRuntime().addShutdownHook(new Thread(enrich::close, "enrich-stop"));
    enrich.start();
    if (!enrich.awaitRunning(Duration.ofSeconds(120))) {
      System.out.println("not running: " + enrich.state());
      System.exit(2);
    }
    System.out.println("running");
    while (enrich.failure() == null) {
      Thread.sleep(200);
    }
    System.out.println("failed: " + enrich.failure());
    System.exit(1);
  }

  static Map<String, Object> props(String bootstrap, String app, String stateDir, String rf) {
    return Map.of(
        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap,
        StreamsConfig.APPLICATION_ID_CONFIG,
        app,
        StreamsConfig.STATE_DIR_CONFIG,
        stateDir,
        StreamsConfig.REPLICATION_FACTOR_CONFIG,
        Integer.parseInt(rf),
        StreamsConfig.NUM_STREAM_THREADS_CONFIG,
        1);
  }

  static EnrichSettings settings() {
    return EnrichSettings.defaults();
  }
}
