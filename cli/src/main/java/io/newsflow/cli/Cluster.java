package io.newsflow.cli;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kafka cluster a command talks to: an external one, or an in-process broker it owns. */
final class Cluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
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
      return reachable(new Cluster(null, config.bootstrapServers(), config));
    }
    out.info("starting the in-process Kafka broker in " + config.dataDir().resolve("kafka"));
    long t0 = System.nanoTime();
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(
            config.dataDir().resolve("kafka"), Map.of(), Duration.ofSeconds(90));
    LOG.info("in-process broker answering after {} ms", millisSince(t0));
    return new Cluster(broker, broker.bootstrapServers(), config);
  }

  /** The configured cluster, or localhost:9092 (where {@code newsflow broker} listens). */
  static Cluster external(NewsflowConfig config) {
    String servers =
        config.bootstrapServers().isEmpty() ? "localhost:9092" : config.bootstrapServers();
    return reachable(new Cluster(null, servers, config));
  }

  /** The cluster at {@code servers}, not checked to answer: for building clients' settings. */
  static Cluster unchecked(String servers, NewsflowConfig config) {
    return new Cluster(null, servers, config);
  }

  /** How long a command waits for a cluster to answer before it gives up with one clear line. */
  static final Duration REACH_TIMEOUT = Duration.ofSeconds(8);

  /**
   * Checks that the cluster answers, so that a command without one fails at once with a line that
   * says what to do, instead of clients retrying their connection for ever.
   *
   * @throws UserError when no broker answers within {@link #REACH_TIMEOUT}
   */
  private static Cluster reachable(Cluster cluster) {
    Map<String, Object> p = cluster.clientProps();
    int ms = (int) REACH_TIMEOUT.toMillis();
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    Admin admin = null;
    try {
      admin = Admin.create(p);
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(ms))
          .nodes()
          .get(ms + 2000L, TimeUnit.MILLISECONDS);
      return cluster;
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      throw new UserError(unreachable(cluster.bootstrapServers()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError(unreachable(cluster.bootstrapServers()), e);
    } finally {
      if (admin != null) {
        admin.close(Duration.ZERO);
      }
    }
  }

  static String unreachable(String servers) {
    return "no Kafka broker answered at "
        + servers
        + " within "
        + REACH_TIMEOUT.toSeconds()
        + " s. Start one with './newsflow broker', or point --bootstrap-servers "
        + "(or NEWSFLOW_BOOTSTRAP_SERVERS) at your cluster.";
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
    specs.add(Alerts.TOPIC);
    ensure(specs.toArray(TopicSpec<?, ?>[]::new));
  }

  /** Creates these topics when missing and waits until they are usable. */
  void ensure(TopicSpec<?, ?>... specs) {
    long t0 = System.nanoTime();
    try (Admin admin = Admin.create(clientProps())) {
      new TopicAdmin(
              admin,
              config.getInt(NewsflowConfig.PARTITIONS_CONFIG),
              config.getShort(NewsflowConfig.REPLICATION_CONFIG),
              Duration.ofSeconds(60))
          .withMinInSync(config.getInt(NewsflowConfig.MIN_INSYNC_CONFIG))
          .ensure(List.of(specs));
    }
    LOG.info("{} topics ready after {} ms", specs.length, millisSince(t0));
  }

  static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /**
   * Gets the cluster ready for the enrich stage before it starts (PLATFORM.md trap 1): creates the
   * Streams changelog topics ahead, compacted and partitioned like news.raw (the story window's
   * like its single-partition input), waits until they answer, and, for exactly-once, opens and
   * commits an empty transaction so the transaction coordinator (and its topic, on a new cluster)
   * is up before the first real one. Without this, the first transactions of a new cluster are
   * refused (CONCURRENT_TRANSACTIONS) and retried out of order. The transaction runs beside the
   * topics' checks (they do not depend on each other), with one admin client for all the topics.
   */
  void prepareForEnrich(EnrichService enrich, boolean exactlyOnce) {
    FutureTask<Void> warmUp = new FutureTask<>(this::warmUpTransactions, null);
    if (exactlyOnce) {
      Thread t = new Thread(warmUp, "newsflow-transactions-warm-up");
      t.setDaemon(true);
      t.start();
    }
    try (Admin admin = Admin.create(clientProps())) {
      int partitions =
          admin
              .describeTopics(List.of(Topics.RAW.name()))
              .allTopicNames()
              .get(60, TimeUnit.SECONDS)
              .get(Topics.RAW.name())
              .partitions()
              .size();
      topicAdmin(admin, partitions).ensure(compacted(enrich.changelogTopics()));
      topicAdmin(admin, 1).ensure(compacted(enrich.singlePartitionChangelogs()));
      // ahead of Streams, which would otherwise create them at its first assignment and rebalance
      // again because of it (EnrichService#repartitionTopics)
      topicAdmin(admin, partitions).ensureRepartition(enrich.repartitionTopics());
      topicAdmin(admin, 1).ensureRepartition(enrich.singlePartitionRepartitionTopics());
      if (exactlyOnce) {
        warmUp.get(120, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot prepare the enrich stage's topics: " + e, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot prepare the enrich stage's topics: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      warmUp.cancel(false);
    }
  }

  private TopicAdmin topicAdmin(Admin admin, int partitions) {
    return new TopicAdmin(
            admin,
            partitions,
            config.getShort(NewsflowConfig.REPLICATION_CONFIG),
            Duration.ofSeconds(60))
        .withMinInSync(config.getInt(NewsflowConfig.MIN_INSYNC_CONFIG));
  }

  private static List<TopicSpec<?, ?>> compacted(Collection<String> names) {
    List<TopicSpec<?, ?>> specs = new ArrayList<>();
    names.forEach(n -> specs.add(new TopicSpec<>(n, Serdes.ByteArray(), Serdes.ByteArray(), true)));
    return specs;
  }

  /** Opens and commits an empty transaction: the transaction coordinator is up afterwards. */
  private void warmUpTransactions() {
    Map<String, Object> p = clientProps();
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newsflow-warm-up");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.commitTransaction();
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      long t0 = System.nanoTime();
      embedded.close();
      LOG.info("in-process broker stopped in {} ms", millisSince(t0));
    }
  }
}
