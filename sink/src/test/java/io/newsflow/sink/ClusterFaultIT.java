package io.newsflow.sink;

import static io.newsflow.sink.SinkFaultIT.awaitUntil;
import static io.newsflow.sink.SinkFaultIT.queryLong;
import static io.newsflow.sink.SinkFaultIT.rows;
import static io.newsflow.sink.SinkFaultIT.segmentIds;
import static io.newsflow.sink.SinkFaultIT.viewIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafkaCluster;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.Via;
import io.newsflow.sink.file.FileSink;
import io.newsflow.sink.postgres.PostgresFixture;
import io.newsflow.sink.postgres.PostgresSettings;
import io.newsflow.sink.postgres.PostgresSink;
import io.newsflow.testkit.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a real cluster of three KRaft brokers (replication 3, {@code min.insync.replicas}
 * 2) in this JVM: two enrich instances with data folders of their own (one in this JVM, one in a
 * child process), the file sink and the PostgreSQL sink. While articles stream in, one broker is
 * stopped, then the child enrich instance is killed with SIGKILL; every article still ends in
 * {@code news.enriched}, the segment files, the latest-per-id view and PostgreSQL exactly once.
 */
class ClusterFaultIT {
  static final int ARTICLES = 300;
  static final int PARTITIONS = 4;
  static final short REPLICAS = 3;

  @Test
  void shouldEnrichAndSinkEveryArticleOnceWhenABrokerAndAnEnrichInstanceGoDownMidStream(
      @TempDir Path dir) throws Exception {
    try (EmbeddedKafkaCluster cluster =
        EmbeddedKafkaCluster.start(dir.resolve("cluster"), 3, Map.of(), Duration.ofSeconds(90))) {
      String bootstrap = cluster.bootstrapServers();
      String app = "cluster-it-enrich";
      EnrichService one =
          new EnrichService(
              EnrichProcess.props(
                  bootstrap, app, dir.resolve("enrich-one").toString(), Short.toString(REPLICAS)),
              EnrichProcess.settings());
      createTopics(bootstrap, one);
      assertReplicated(bootstrap);
      PostgresSettings db = PostgresFixture.shared().freshDatabase("cluster-pg");
      Path out = dir.resolve("out");

      Process two = startEnrichProcess(bootstrap, app, dir.resolve("enrich-two"));
      SinkRunner files = sink(bootstrap, "cluster-files", new FileSink(SinkFaultIT.settings(out)));
      SinkRunner pg = sink(bootstrap, "cluster-pg", new PostgresSink(db));
      List<Thread> threads = List.of(new Thread(files, "file-sink"), new Thread(pg, "pg-sink"));
      threads.forEach(Thread::start);
      List<String> ids = new ArrayList<>();
      AtomicReference<Exception> producerFailed = new AtomicReference<>();
      Thread producer = new Thread(() -> produce(bootstrap, ids, producerFailed), "raw-producer");
      try (one) {
        one.start();
        assertThat(one.awaitRunning(Duration.ofSeconds(90))).as("enrich one running").isTrue();
        producer.start();

        awaitUntil("a first share in PostgreSQL", () -> rows(db) >= ARTICLES / 5, null);
        cluster.stop(2);
        awaitUntil("more output with two brokers", () -> rows(db) >= ARTICLES / 2, null);
        two.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL, mid-stream
        producer.join(120_000);
        assertThat(producerFailed.get()).as("the producer rode out the lost broker").isNull();
        awaitUntil(
            "every article in files and PostgreSQL",
            () -> segmentIds(out).size() >= ARTICLES && rows(db) >= ARTICLES,
            null);
        assertThat(one.failure()).as("enrich one kept running").isNull();
      } finally {
        two.destroyForcibly();
        files.close();
        pg.close();
        for (Thread t : threads) {
          t.join(60_000);
        }
      }

      assertThat(ids).hasSize(ARTICLES);
      assertThat(enrichedIds(bootstrap))
          .as("news.enriched, read committed")
          .hasSameSizeAs(ids)
          .containsExactlyInAnyOrderElementsOf(ids);
      assertThat(segmentIds(out))
          .as("segment files")
          .hasSameSizeAs(ids)
          .containsExactlyInAnyOrderElementsOf(ids);
      assertThat(viewIds(out)).as("latest-per-id view").containsExactlyInAnyOrderElementsOf(ids);
      assertThat(rows(db)).as("rows in PostgreSQL").isEqualTo(ARTICLES);
      assertThat(queryLong(db, "SELECT count(DISTINCT id) FROM articles")).isEqualTo(ARTICLES);
    }
  }

  /** The fixed topics and the enrich stage's changelogs, as the CLI creates them. */
  private static void createTopics(String bootstrap, EnrichService enrich) {
    List<TopicSpec<?, ?>> specs = new ArrayList<>(Topics.fixed());
    EnrichProcess.settings().tagger().topicNames().forEach(n -> specs.add(Topics.forTag(n)));
    enrich
        .changelogTopics()
        .forEach(n -> specs.add(new TopicSpec<>(n, Serdes.ByteArray(), Serdes.ByteArray(), true)));
    List<TopicSpec<?, ?>> single = new ArrayList<>();
    enrich
        .singlePartitionChangelogs()
        .forEach(n -> single.add(new TopicSpec<>(n, Serdes.ByteArray(), Serdes.ByteArray(), true)));
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      new TopicAdmin(admin, PARTITIONS, REPLICAS, Duration.ofSeconds(60))
          .withMinInSync(2)
          .ensure(specs);
      new TopicAdmin(admin, 1, REPLICAS, Duration.ofSeconds(60)).withMinInSync(2).ensure(single);
    }
  }

  /** Every partition of news.raw has three replicas, and the cluster asks two in sync. */
  private static void assertReplicated(String bootstrap) throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      TopicDescription raw =
          admin
              .describeTopics(List.of(Topics.RAW.name()))
              .allTopicNames()
              .get()
              .get(Topics.RAW.name());
      assertThat(raw.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(REPLICAS));
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW.name());
      ConfigEntry isr =
          admin.describeConfigs(List.of(topic)).all().get().get(topic).get("min.insync.replicas");
      assertThat(isr.value()).isEqualTo("2");
    }
  }

  /** Articles made from the seed stories, each with a paragraph of its own, over seven outlets. */
  private static void produce(
      String bootstrap, List<String> ids, AtomicReference<Exception> failed) {
    Map<String, Object> p =
        Map.of(
            "bootstrap.servers",
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true);
    try (Stream<Path> files = Files.list(SharedData.seeds());
        KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      List<Path> seeds = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
      for (int i = 0; i < ARTICLES; i++) {
        String id = String.format("cluster-%04d", i);
        String body =
            Files.readString(seeds.get(i % seeds.size()))
                + "\n\nThis is report number "
                + Integer.toString(i, 26)
                + " of the day, filed by the "
                + (i % 7)
                + " desk.";
        RawArticle a =
            RawArticle.newBuilder()
                .setId(id)
                .setSource(id + ".txt")
                .setVia(Via.REPLAY)
                .setOutlet("Outlet " + (i % 7))
                .setFetchedAt(Instant.ofEpochMilli(1_700_000_000_000L + i))
                .setContentType("text/plain")
                .setCharset("UTF-8")
                .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
                .build();
        producer.send(
            new ProducerRecord<>(
                Topics.RAW.name(),
                id,
                Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), a)));
        ids.add(id);
        if (i % 10 == 9) {
          producer.flush();
          Thread.sleep(100); // a steady stream, so the faults land mid-stream
        }
      }
      producer.flush();
    } catch (Exception e) {
      failed.set(e);
    }
  }

  private static SinkRunner sink(String bootstrap, String group, RecordSink writer) {
    Map<String, Object> c = new HashMap<>();
    c.put("bootstrap.servers", bootstrap);
    c.put("group.id", group);
    c.put("max.poll.records", 50);
    return new SinkRunner(c, writer, SinkListener.NONE, List.of(Topics.ENRICHED.name()));
  }

  private static Process startEnrichProcess(String bootstrap, String app, Path stateDir)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                EnrichProcess.class.getName(),
                bootstrap,
                app,
                stateDir.toString(),
                Short.toString(REPLICAS))
            .redirectErrorStream(true)
            .start();
    // a test that fails before its finally (or a killed test JVM's normal exit) leaves no child
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    // the child's log goes to a file beside its state folder; its first line says it is running
    Path log = stateDir.resolveSibling("enrich-two.log");
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  Files.writeString(
                      log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            "enrich-two-log");
    pump.setDaemon(true);
    pump.start();
    awaitUntil(
        "the second enrich instance running",
        () -> Files.exists(log) && Files.readString(log).contains("running\n"),
        p);
    return p;
  }

  /** The article ids in news.enriched as a read-committed consumer sees them, with repeats. */
  private static List<String> enrichedIds(String bootstrap) {
    Map<String, Object> c = new HashMap<>();
    c.put("bootstrap.servers", bootstrap);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> ids = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(Topics.ENRICHED.name()).stream()
              .map(i -> new TopicPartition(Topics.ENRICHED.name(), i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          ids.add(r.key());
        }
      }
    }
    return ids;
  }
}
