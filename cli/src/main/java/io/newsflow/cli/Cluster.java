package io.newsflow.cli;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/** The Kafka cluster a command talks to: an external one, or an in-process broker it owns. */
final class Cluster implements AutoCloseable {
  private final EmbeddedKafkaBroker embedded;
  private final String bootstrapServers;
  private final NewsflowConfig config;

  private Cluster(EmbeddedKafkaBroker embedded, String bootstrapServers, NewsflowConfig config) {
    this.embedded = embedded;
    this.bootstrapServers = bootstrapServers;
    this.config = config;
  }

  /** The configured cluster, or an in-process broker in {@code data.dir/kafka} when none is. */
  static Cluster embeddedUnlessConfigured(NewsflowConfig config, Progress out) {
    if (!config.bootstrapServers().isEmpty()) {
      return new Cluster(null, config.bootstrapServers(), config);
    }
    out.info("starting the in-process Kafka broker in " + config.dataDir().resolve("kafka"));
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(
            config.dataDir().resolve("kafka"), Map.of(), Duration.ofSeconds(90));
    return new Cluster(broker, broker.bootstrapServers(), config);
  }

  /** The configured cluster, or localhost:9092 (where {@code newsflow broker} listens). */
  static Cluster external(NewsflowConfig config) {
    String servers =
        config.bootstrapServers().isEmpty() ? "localhost:9092" : config.bootstrapServers();
    return new Cluster(null, servers, config);
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  boolean isEmbedded() {
    return embedded != null;
  }

  /** Properties for any Kafka client: bootstrap servers plus the {@code kafka.*} pass-through. */
  Map<String, Object> clientProps() {
    Map<String, Object> p = new HashMap<>(config.kafkaPassThrough());
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return p;
  }

  /** Creates the fixed topics and one per tag when missing, and waits until they are usable. */
  void ensureTopics(Collection<String> tagNames) {
    List<TopicSpec<?, ?>> specs = new ArrayList<>(Topics.fixed());
    tagNames.forEach(n -> specs.add(Topics.forTag(n)));
    ensure(specs.toArray(TopicSpec<?, ?>[]::new));
  }

  /** Creates these topics when missing and waits until they are usable. */
  void ensure(TopicSpec<?, ?>... specs) {
    try (Admin admin = Admin.create(clientProps())) {
      new TopicAdmin(
              admin,
              config.getInt(NewsflowConfig.PARTITIONS_CONFIG),
              config.getShort(NewsflowConfig.REPLICATION_CONFIG),
              Duration.ofSeconds(60))
          .ensure(List.of(specs));
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
