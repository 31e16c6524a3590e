package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The enrich topology in a {@link TopologyTestDriver}, and its topics, for the topology tests; and
 * its topics, a running topology, a producer and a reader on a real broker, for the integration
 * tests.
 */
final class EnrichDrivers {
  private EnrichDrivers() {}

  static TopologyTestDriver start(String applicationId, EnrichSettings settings) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return new TopologyTestDriver(EnrichTopology.build(new StreamsBuilder(), settings), props);
  }

  /** news.raw, written as ingest writes it: a string key and the encoded record's bytes. */
  static TestInputTopic<String, byte[]> raw(TopologyTestDriver driver) {
    return driver.createInputTopic(
        Topics.RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
  }

  static <V> TestOutputTopic<String, V> output(
      TopologyTestDriver driver, TopicSpec<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(), Serdes.String().deserializer(), topic.valueSerde().deserializer());
  }

  /** Creates newsflow's topics and the default taxonomy's topic streams on a real broker. */
  static void ensureTopics(String bootstrap, int partitions) {
    List<TopicSpec<?, ?>> specs = new ArrayList<>(Topics.fixed());
    EnrichSettings.defaults().tagger().topicNames().forEach(n -> specs.add(Topics.forTag(n)));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      new TopicAdmin(admin, partitions, (short) 1, Duration.ofSeconds(30)).ensure(specs);
    }
  }

  /**
   * Streams settings of the enrich integration tests: exactly-once, one replica, reading from the
   * earliest offsets. Each test adds what it is about.
   */
  static Properties streamsProps(String bootstrap, String app, Path stateDir) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    return p;
  }

  /** The default enrich topology, started with {@code props}. */
  static KafkaStreams startStreams(Properties props) {
    KafkaStreams streams =
        new KafkaStreams(
            EnrichTopology.build(new StreamsBuilder(), EnrichSettings.defaults()), props);
    streams.start();
    return streams;
  }

  /** Waits up to a minute for {@code streams} to be RUNNING, and fails the test if it is not. */
  static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  static KafkaProducer<String, byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer());
  }

  /** A read-committed consumer of every partition of news.enriched, from the beginning. */
  static KafkaConsumer<String, byte[]> enrichedConsumer(String bootstrap) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> parts =
        consumer.partitionsFor(Topics.ENRICHED.name()).stream()
            .map(i -> new TopicPartition(Topics.ENRICHED.name(), i.partition()))
            .toList();
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
    return consumer;
  }

  /**
   * Reads {@code consumer} into {@code seen} (the ids that start with {@code prefix}) until it
   * holds {@code want} of them or {@code timeout} has passed; returns a copy of it.
   */
  static Set<String> readIds(
      KafkaConsumer<String, byte[]> consumer,
      String prefix,
      Set<String> seen,
      int want,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seen.size() < want && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.key() != null && r.key().startsWith(prefix)) {
          seen.add(r.key());
        }
      }
    }
    return Set.copyOf(seen);
  }

  /**
   * Sends {@code n} plain-text raw articles to news.raw, ids {@code run + i} for i from {@code
   * from}, each with its own body and the outlet {@code outlet} names for it; waits for each.
   */
  static void sendRaw(
      KafkaProducer<String, byte[]> producer,
      String run,
      int from,
      int n,
      IntFunction<String> outlet)
      throws Exception {
    for (int i = from; i < from + n; i++) {
      RawArticle a =
          EnrichTopologyTest.rawText(
              run + i, OutletPartitioningIT.body(i).getBytes(StandardCharsets.UTF_8));
      a.setOutlet(outlet.apply(i));
      producer
          .send(new ProducerRecord<>(Topics.RAW.name(), run + i, EnrichTopologyTest.encode(a)))
          .get();
    }
  }
}
