package io.newsflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/**
 * newsflow's settings. Layers, later wins: defaults, a properties file ({@code --config}), the
 * environment ({@code NEWSFLOW_<KEY>} with dots as underscores, e.g. {@code
 * NEWSFLOW_BOOTSTRAP_SERVERS}), then command-line options. Keys prefixed {@code kafka.} pass
 * straight through to every Kafka client (e.g. {@code kafka.security.protocol}).
 */
public final class NewsflowConfig extends AbstractConfig {
  public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
  static final String BOOTSTRAP_SERVERS_DOC =
      "Kafka cluster to use (host:port,...). Empty: run an in-process broker in data.dir (replay, run), "
          + "or connect to localhost:9092 (the stage commands, matching 'newsflow broker').";
  public static final String DATA_DIR_CONFIG = "data.dir";
  static final String DATA_DIR_DOC =
      "Folder for the embedded broker's data, Streams state and ingest state.";
  public static final String OUT_DIR_CONFIG = "out.dir";
  static final String OUT_DIR_DOC = "Folder the file sink writes to.";
  public static final String PARTITIONS_CONFIG = "topic.partitions";
  static final String PARTITIONS_DOC = "Partitions of each topic newsflow creates.";
  public static final String REPLICATION_CONFIG = "topic.replication.factor";
  static final String REPLICATION_DOC =
      "Replication factor of each topic newsflow creates (1 for a single broker).";
  public static final String MIN_INSYNC_CONFIG = "topic.min.insync.replicas";
  static final String MIN_INSYNC_DOC =
      "min.insync.replicas of each topic newsflow creates, including the enrich stage's internal"
          + " topics: with acks=all a write needs this many replicas. 0 keeps the cluster's"
          + " default; use 2 with topic.replication.factor 3.";
  public static final String GUARANTEE_CONFIG = "processing.guarantee";
  static final String GUARANTEE_DOC = "Kafka Streams processing guarantee of the enrich stage.";
  public static final String THREADS_CONFIG = "enrich.threads";
  static final String THREADS_DOC =
      "Stream threads of the enrich stage (parsing is CPU-bound: about one per core).";
  public static final String MAX_BYTES_CONFIG = "article.max.bytes";
  static final String MAX_BYTES_DOC =
      "Largest article body accepted; larger ones become dead letters.";
  public static final String TAXONOMY_CONFIG = "taxonomy.file";
  static final String TAXONOMY_DOC =
      "Taxonomy (topics and their rules) to tag with; empty: the built-in one.";
  public static final String STALL_TIMEOUT_CONFIG = "replay.stall.timeout.ms";
  static final String STALL_TIMEOUT_DOC =
      "replay gives up when no article has reached the sink or the dead-letter topic for this long.";

  public static final String LOG_LEVEL_CONFIG = "log.level";
  static final String LOG_LEVEL_DOC =
      "From which level Kafka's, Streams' and libraries' log lines also show on the console "
          + "(off, error, warn, info, debug, trace). Every line goes to data.dir/logs/newsflow.log "
          + "whatever this says; newsflow's own warnings and errors always show.";
  public static final String UI_PORT_CONFIG = "ui.port";
  static final String UI_PORT_DOC =
      "Port of the web dashboard (run/replay with --ui, and 'newsflow ui'); 0 picks a free one.";
  public static final String UI_BIND_CONFIG = "ui.bind";
  static final String UI_BIND_DOC =
      "Address the web dashboard listens on. 127.0.0.1 keeps it to this machine; 0.0.0.0 opens it "
          + "to the network (it has no login).";

  public static final String ALERTS_CONFIG = "alerts.enabled";
  static final String ALERTS_DOC =
      "Watch each outlet's extraction figures in run and replay, and alert (news.alerts, console, "
          + "dashboard) when they break from the outlet's history, e.g. after a template change.";

  public static final String NEWS_KINDS_CONFIG = "enrich.news.kinds";
  static final String NEWS_KINDS_DOC =
      "Page kinds published as news (news.enriched, news.articles, news.topic.*), comma-separated,"
          + " from article, liveblog, listing, video, other. Every other kind goes to news.pages."
          + " Add listing,video,other to publish every page as before.";

  public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
  static final String SCHEMA_REGISTRY_URL_DOC =
      "Registry mode: the Apicurio Registry API newsflow registers its schemas with and frames"
          + " values for (magic byte 0 + schema id, the format registry-aware tools read), e.g."
          + " http://localhost:8080/apis/registry/v3. Empty (the default): Avro single-object"
          + " encoding, no registry. Readers take both framings. Keys prefixed apicurio.registry."
          + " (auth, retries) go to Apicurio's serde.";

  public static final String STORY_WINDOW_CONFIG = "stories.window";
  static final String STORY_WINDOW_DOC =
      "How far apart in publication time an article and a story may be and still be compared"
          + " (3d, 36h, 90m or ISO-8601 like P3D).";

  public static final String STORY_LATENESS_CONFIG = "stories.lateness";
  static final String STORY_LATENESS_DOC =
      "How long past the window a story stays open for late articles (a duration); a story closes"
          + " when its newest article is older than the newest publication time seen minus window"
          + " minus lateness.";

  public static final String STORY_MAX_OPEN_CONFIG = "stories.max.open";
  static final String STORY_MAX_OPEN_DOC =
      "The most stories kept open at once; past it the least recently updated one closes. Bounds"
          + " the story step's memory and state store even when articles carry no date. 0, the"
          + " default: sized to the heap (30% of it at about 24 KB an open story: about 8,000"
          + " with the launcher's 640 MB, at most 200,000).";

  public static final String STORY_MAX_TERMS_CONFIG = "stories.max.terms";
  static final String STORY_MAX_TERMS_DOC =
      "The most terms whose document frequency the story step counts; past it every count is"
          + " halved and the terms that reach zero are dropped. 0, the default: sized to the heap"
          + " (10% of it at about 128 bytes a term, at most 1,000,000; with the open stories' 30%,"
          + " the story step's state takes at most 40% of the heap).";

  public static final String STORY_JOIN_CONFIG = "stories.join.threshold";
  static final String STORY_JOIN_DOC =
      "The similarity (0..1) an article needs to join a story rather than open one: lower joins"
          + " more (recall), higher keeps more articles apart (precision). On a stream of mostly"
          + " unrelated news, 0.25 to 0.30 scored higher than the default (docs/stories.md, \"A"
          + " real news stream\").";

  static final String ENV_PREFIX = "NEWSFLOW_";
  static final String KAFKA_PREFIX = "kafka.";

  public static final ConfigDef DEF =
      new ConfigDef()
          .define(BOOTSTRAP_SERVERS_CONFIG, Type.STRING, "", Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
          .define(DATA_DIR_CONFIG, Type.STRING, ".newsflow", Importance.MEDIUM, DATA_DIR_DOC)
          .define(OUT_DIR_CONFIG, Type.STRING, "out", Importance.MEDIUM, OUT_DIR_DOC)
          .define(
              PARTITIONS_CONFIG,
              Type.INT,
              4,
              Range.between(1, 10_000),
              Importance.LOW,
              PARTITIONS_DOC)
          .define(
              REPLICATION_CONFIG,
              Type.SHORT,
              (short) 1,
              Range.between(1, 10),
              Importance.LOW,
              REPLICATION_DOC)
          .define(
              MIN_INSYNC_CONFIG, Type.INT, 0, Range.between(0, 10), Importance.LOW, MIN_INSYNC_DOC)
          .define(
              GUARANTEE_CONFIG,
              Type.STRING,
              "exactly_once_v2",
              ValidString.in("exactly_once_v2", "at_least_once"),
              Importance.MEDIUM,
              GUARANTEE_DOC)
          .define(
              THREADS_CONFIG,
              Type.INT,
              Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
              Range.between(1, 64),
              Importance.MEDIUM,
              THREADS_DOC)
          .define(
              MAX_BYTES_CONFIG,
              Type.INT,
              20 * 1024 * 1024,
              Range.between(1024, 25 * 1024 * 1024),
              Importance.LOW,
              MAX_BYTES_DOC)
          .define(TAXONOMY_CONFIG, Type.STRING, "", Importance.MEDIUM, TAXONOMY_DOC)
          .define(
              NEWS_KINDS_CONFIG,
              Type.LIST,
              "article,liveblog",
              NewsflowConfig::validateKinds,
              Importance.MEDIUM,
              NEWS_KINDS_DOC)
          .define(
              STALL_TIMEOUT_CONFIG,
              Type.LONG,
              120_000L,
              Range.atLeast(1000),
              Importance.LOW,
              STALL_TIMEOUT_DOC)
          .define(
              LOG_LEVEL_CONFIG,
              Type.STRING,
              "off",
              ConfigDef.CaseInsensitiveValidString.in(
                  "off", "error", "warn", "info", "debug", "trace"),
              Importance.LOW,
              LOG_LEVEL_DOC)
          .define(
              UI_PORT_CONFIG, Type.INT, 8642, Range.between(0, 65535), Importance.LOW, UI_PORT_DOC)
          .define(UI_BIND_CONFIG, Type.STRING, "127.0.0.1", Importance.LOW, UI_BIND_DOC)
          .define(ALERTS_CONFIG, Type.BOOLEAN, true, Importance.LOW, ALERTS_DOC)
          .define(
              SCHEMA_REGISTRY_URL_CONFIG,
              Type.STRING,
              "",
              Importance.MEDIUM,
              SCHEMA_REGISTRY_URL_DOC)
          .define(
              STORY_WINDOW_CONFIG,
              Type.STRING,
              "3d",
              NewsflowConfig::validateDuration,
              Importance.MEDIUM,
              STORY_WINDOW_DOC)
          .define(
              STORY_LATENESS_CONFIG,
              Type.STRING,
              "1d",
              NewsflowConfig::validateDuration,
              Importance.LOW,
              STORY_LATENESS_DOC)
          .define(
              STORY_MAX_OPEN_CONFIG,
              Type.INT,
              0,
              Range.atLeast(0),
              Importance.LOW,
              STORY_MAX_OPEN_DOC)
          .define(
              STORY_MAX_TERMS_CONFIG,
              Type.INT,
              0,
              Range.atLeast(0),
              Importance.LOW,
              STORY_MAX_TERMS_DOC)
          .define(
              STORY_JOIN_CONFIG,
              Type.DOUBLE,
              io.newsflow.enrich.story.StorySettings.DEFAULT_JOIN_THRESHOLD,
              Range.between(0.0, 1.0),
              Importance.LOW,
              STORY_JOIN_DOC);

  private static void validateDuration(String name, Object value) {
    try {
      StoriesCommand.parseDuration(name, String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new org.apache.kafka.common.config.ConfigException(name, value, e.getMessage());
    }
  }

  /** The story step's settings: the defaults with this configuration's window and bounds. */
  public io.newsflow.enrich.story.StorySettings storySettings() {
    return io.newsflow.enrich.story.StorySettings.defaults()
        .withWindow(
            StoriesCommand.parseDuration(STORY_WINDOW_CONFIG, getString(STORY_WINDOW_CONFIG)))
        .withLateness(
            StoriesCommand.parseDuration(STORY_LATENESS_CONFIG, getString(STORY_LATENESS_CONFIG)))
        .withMaxOpenStories(maxOpenStories(getInt(STORY_MAX_OPEN_CONFIG)))
        .withMaxVocabulary(maxVocabulary(getInt(STORY_MAX_TERMS_CONFIG)))
        .withJoinThreshold(getDouble(STORY_JOIN_CONFIG));
  }

  /** A configured bound of counted terms, or (0) the one this JVM's heap holds. */
  static int maxVocabulary(int configured) {
    return configured > 0
        ? configured
        : io.newsflow.enrich.story.StorySettings.vocabularyForHeap(
            Runtime.getRuntime().maxMemory());
  }

  /** A configured bound of open stories, or (0) the one this JVM's heap holds. */
  static int maxOpenStories(int configured) {
    return configured > 0
        ? configured
        : io.newsflow.enrich.story.StorySettings.openStoriesForHeap(
            Runtime.getRuntime().maxMemory());
  }

  private static void validateKinds(String name, Object value) {
    @SuppressWarnings("unchecked")
    java.util.List<String> kinds = (java.util.List<String>) value;
    if (kinds == null || kinds.isEmpty()) {
      throw new org.apache.kafka.common.config.ConfigException(
          name, value, "name at least one page kind, e.g. article,liveblog");
    }
    for (String k : kinds) {
      if (!java.util.Set.of("article", "liveblog", "listing", "video", "other")
          .contains(k.strip().toLowerCase(Locale.ROOT))) {
        throw new org.apache.kafka.common.config.ConfigException(
            name,
            value,
            "'" + k + "' is not a page kind: use article, liveblog, listing, video, other");
      }
    }
  }

  /** The page kinds published as news. */
  public java.util.Set<io.newsflow.enrich.text.PageKind> newsKinds() {
    java.util.Set<io.newsflow.enrich.text.PageKind> out = new java.util.HashSet<>();
    for (String k : getList(NEWS_KINDS_CONFIG)) {
      out.add(io.newsflow.enrich.text.PageKind.of(k));
    }
    return out;
  }

  private NewsflowConfig(Map<String, Object> props) {
    super(DEF, props, false);
    if (getInt(MIN_INSYNC_CONFIG) > getShort(REPLICATION_CONFIG)) {
      throw new org.apache.kafka.common.config.ConfigException(
          MIN_INSYNC_CONFIG,
          getInt(MIN_INSYNC_CONFIG),
          "cannot exceed "
              + REPLICATION_CONFIG
              + " ("
              + getShort(REPLICATION_CONFIG)
              + "): no write would ever succeed. Lower it, or raise the replication factor");
    }
  }

  /**
   * Layers the settings.
   *
   * @param file properties file, or null
   * @param env the environment (System.getenv())
   * @param flags settings given on the command line (null values ignored)
   */
  public static NewsflowConfig load(Path file, Map<String, String> env, Map<String, Object> flags) {
    Map<String, Object> props = new HashMap<>();
    if (file != null) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read config file " + file, e);
      }
      p.forEach((k, v) -> props.put(k.toString(), v));
    }
    env.forEach(
        (k, v) -> {
          if (k.startsWith(ENV_PREFIX)) {
            props.put(
                k.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
          }
        });
    flags.forEach(
        (k, v) -> {
          if (v != null) {
            props.put(k, v);
          }
        });
    return new NewsflowConfig(props);
  }

  /** Client settings passed through with the {@code kafka.} prefix, prefix removed. */
  public Map<String, Object> kafkaPassThrough() {
    return originalsWithPrefix(KAFKA_PREFIX);
  }

  /** The registry URL of registry mode, or empty for single-object encoding. */
  public String schemaRegistryUrl() {
    return getString(SCHEMA_REGISTRY_URL_CONFIG).strip();
  }

  /** Settings for Apicurio's serde ({@code apicurio.registry.*}), prefix kept. */
  public Map<String, Object> registryPassThrough() {
    return originalsWithPrefix("apicurio.registry.", false);
  }

  public String bootstrapServers() {
    return getString(BOOTSTRAP_SERVERS_CONFIG).strip();
  }

  public Path dataDir() {
    return Path.of(getString(DATA_DIR_CONFIG));
  }

  public Path outDir() {
    return Path.of(getString(OUT_DIR_CONFIG));
  }
}
