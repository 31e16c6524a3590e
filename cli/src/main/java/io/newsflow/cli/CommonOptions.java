package io.newsflow.cli;

import io.newsflow.registry.RegistryValueFormat;
import io.newsflow.schemas.AvroSerde;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that talks to Kafka shares. */
final class CommonOptions {
  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description =
          "External Kafka cluster. Default for replay/run: an in-process broker in --data-dir; "
              + "for ingest/enrich/sink/tail: localhost:9092. Env: NEWSFLOW_BOOTSTRAP_SERVERS.")
  String bootstrapServers;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Folder for broker data and stage state (default: .newsflow). Env: NEWSFLOW_DATA_DIR.")
  Path dataDir;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file with newsflow settings (see README); 'kafka.'-prefixed keys go to every Kafka client.")
  Path configFile;

  @Option(
      names = "--schema-registry-url",
      paramLabel = "URL",
      description =
          "Registry mode: write values in the schema registry's wire format (magic byte + schema"
              + " id) and register the schemas with this Apicurio Registry API, e.g."
              + " http://localhost:8080/apis/registry/v3. Default: Avro single-object encoding, no"
              + " registry. Env: NEWSFLOW_SCHEMA_REGISTRY_URL.")
  String schemaRegistryUrl;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the summary.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Also show Kafka's and libraries' log lines (INFO and up) on the console; they always go "
              + "to DATA_DIR/logs/newsflow.log.")
  boolean verbose;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description =
          "Show Kafka's and libraries' log lines from LEVEL up on the console (off, error, warn, "
              + "info, debug, trace; default off). Env: NEWSFLOW_LOG_LEVEL.")
  String logLevel;

  /**
   * The layered configuration, with {@code extra} command-line settings on top; sends log lines to
   * the data folder's log file and the console as the settings say.
   */
  NewsflowConfig config(Map<String, Object> extra) {
    NewsflowConfig config = settings(extra);
    Logs.configure(config.dataDir(), Logs.level(config.getString(NewsflowConfig.LOG_LEVEL_CONFIG)));
    useValueFormat(config);
    return config;
  }

  /** Registry mode when the settings name a registry; single-object encoding otherwise. */
  static void useValueFormat(NewsflowConfig config) {
    String url = config.schemaRegistryUrl();
    if (url.isEmpty()) {
      AvroSerde.use(null);
      return;
    }
    try {
      AvroSerde.use(new RegistryValueFormat(url, config.registryPassThrough()));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /** The layered configuration, with {@code extra} command-line settings on top. */
  NewsflowConfig settings(Map<String, Object> extra) {
    Map<String, Object> flags = new HashMap<>(extra);
    flags.put(NewsflowConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    flags.put(NewsflowConfig.DATA_DIR_CONFIG, dataDir == null ? null : dataDir.toString());
    flags.put(NewsflowConfig.LOG_LEVEL_CONFIG, verbose ? "info" : logLevel);
    flags.put(NewsflowConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl);
    return NewsflowConfig.load(configFile, System.getenv(), flags);
  }

  Progress progress() {
    return new Progress(System.err, quiet);
  }
}
