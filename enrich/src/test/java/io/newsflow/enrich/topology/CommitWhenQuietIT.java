package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.testkit.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last articles of a burst reach read-committed consumers without waiting for the commit
 * interval, against a real broker. The interval is set to five minutes here: without the quiet
 * commit, nothing the burst produced would be visible before it (three sub-topologies, each
 * committing on the interval), and the reads below give up after a minute.
 */
class CommitWhenQuietIT {
  static final Duration LONG_INTERVAL = Duration.ofMinutes(5);
  static final Duration READ_FOR = Duration.ofSeconds(60);
  final String bootstrap = KafkaFixture.shared().bootstrapServers();

  /** The ids of this run read so far from news.enriched. */
  private final Set<String> seen = new HashSet<>();

  @Test
  void shouldMakeEachBurstVisibleOnceTheInputGoesQuiet(@TempDir Path dir) throws Exception {
    EnrichDrivers.ensureTopics(bootstrap, OutletPartitioningIT.PARTITIONS);
    String run = "quiet-it-" + Long.toString(System.nanoTime(), 36) + "-";
    try (KafkaStreams streams = start(run + "app", dir);
        KafkaProducer<String, byte[]> producer = producer();
        KafkaConsumer<String, byte[]> consumer = consumer()) {
      awaitRunning(streams);
      send(producer, run, 0, 3);
      assertThat(readIds(consumer, run, 3)).hasSize(3);
      // a second, later burst is not held back by the first one's commit either
      send(producer, run, 3, 2);
      assertThat(readIds(consumer, run, 5)).hasSize(5);
    }
  }

  private void send(KafkaProducer<String, byte[]> producer, String run, int from, int n)
      throws Exception {
    for (int i = from; i < from + n; i++) {
      RawArticle a =
          EnrichTopologyTest.rawText(
              run + i, OutletPartitioningIT.body(i).getBytes(StandardCharsets.UTF_8));
      a.setOutlet("Harbour Ledger " + i);
      producer
          .send(new ProducerRecord<>(Topics.RAW.name(), run + i, EnrichTopologyTest.encode(a)))
          .get();
    }
  }

  /** Reads news.enriched until {@code want} ids of this run are seen, or for a minute. */
  private Set<String> readIds(KafkaConsumer<String, byte[]> consumer, String run, int want) {
    long deadline = System.nanoTime() + READ_FOR.toNanos();
    while (seen.size() < want && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.key() != null && r.key().startsWith(run)) {
          seen.add(r.key());
        }
      }
    }
    return Set.copyOf(seen);
  }

  private KafkaStreams start(String app, Path stateDir) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, LONG_INTERVAL.toMillis());
    // a transaction may stay open that long (the broker allows up to 15 minutes)
    p.put(
        StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
        (int) LONG_INTERVAL.plusMinutes(1).toMillis());
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    KafkaStreams streams =
        new KafkaStreams(EnrichTopology.build(new StreamsBuilder(), EnrichSettings.defaults()), p);
    streams.start();
    return streams;
  }

  private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer());
  }

  private KafkaConsumer<String, byte[]> consumer() {
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
}
