package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Removal;
import io.newsflow.schemas.Topics;
import io.newsflow.testkit.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's output does not depend on how the producer spread {@code news.raw}: the same
 * articles written the way ingest writes them (one outlet, one partition) and written round-robin
 * over four partitions give the same enriched articles, against a real broker. Before the topology
 * repartitioned by outlet, the round-robin run gave each of four tasks a quarter of the outlet's
 * articles, too few to learn its standing promo line, and kept it in every article.
 */
class OutletPartitioningIT {
  static final int PARTITIONS = 4;
  static final int WARM_UP = 8;
  static final int PROBES = 4;
  static final String PROMO = "Get the Harbour Ledger morning briefing in your inbox every day";
  static final String REMOVED = "\n-- removed --";
  final String bootstrap = KafkaFixture.shared().bootstrapServers();

  @Test
  void shouldGiveTheSameEnrichedArticlesWhateverPartitionerWroteNewsRaw(@TempDir Path dir)
      throws Exception {
    EnrichDrivers.ensureTopics(bootstrap, PARTITIONS);
    int byOutlet = OutletPartitioner.partitionOf("harbour ledger", PARTITIONS);
    Map<String, String> ingestLike = run(dir.resolve("ingest"), i -> byOutlet);
    Map<String, String> roundRobin = run(dir.resolve("round-robin"), i -> i % PARTITIONS);

    assertThat(roundRobin).isEqualTo(ingestLike);
    // and the learning happened: the promo is gone from the probes in both runs
    assertThat(ingestLike.values())
        .hasSize(PROBES)
        .allSatisfy(
            probe -> {
              String[] parts = probe.split(REMOVED, 2);
              assertThat(parts[0]).doesNotContain(PROMO).contains("Residents living near");
              assertThat(parts[1]).contains("learned:outlet " + PROMO);
            });
  }

  /**
   * One enrich instance on its own application id: the warm-up articles, then (once they are
   * enriched) the probes; returns each probe's body and removed lines, keyed by its number.
   */
  private Map<String, String> run(Path stateDir, IntUnaryOperator partitionOf) throws Exception {
    String run = "outlet-it-" + Long.toString(System.nanoTime(), 36) + "-";
    try (KafkaStreams streams = start(run + "app", stateDir);
        KafkaProducer<String, byte[]> producer = producer()) {
      for (int i = 0; i < WARM_UP + PROBES; i++) {
        RawArticle a =
            EnrichTopologyTest.rawText(run + i, body(i).getBytes(StandardCharsets.UTF_8));
        a.setOutlet("Harbour Ledger");
        producer
            .send(
                new ProducerRecord<>(
                    Topics.RAW.name(),
                    partitionOf.applyAsInt(i),
                    run + i,
                    EnrichTopologyTest.encode(a)))
            .get();
        if (i == WARM_UP - 1) {
          // the probes must come after the warm-up whatever partitions they travel through
          read(run, WARM_UP);
        }
      }
      Map<String, EnrichedArticle> all = read(run, WARM_UP + PROBES);
      Map<String, String> probes = new TreeMap<>();
      for (int i = WARM_UP; i < WARM_UP + PROBES; i++) {
        EnrichedArticle a = all.get(run + i);
        StringBuilder s = new StringBuilder(a.getText()).append(REMOVED);
        for (Removal r : a.getRemoved()) {
          s.append('\n').append(r.getReason()).append(' ').append(r.getText());
        }
        probes.put(Integer.toString(i), s.toString());
      }
      return probes;
    }
  }

  /** A short council story: only its headline's words and the promo recur across articles. */
  static String body(int i) {
    String[] subjects = {
      "ferry", "pier", "lighthouse", "marina", "dredging", "seawall",
      "fish market", "boatyard", "tide gauge", "breakwater", "quay", "slipway"
    };
    String[] verbs = {"approved", "delayed", "rejected", "amended"};
    String subject = subjects[i % subjects.length];
    String verb = verbs[i % verbs.length];
    return "Council "
        + verb
        + " the "
        + subject
        + " plan\n\nThe council "
        + verb
        + " the "
        + subject
        + " plan after a long evening session.\n\n"
        + PROMO
        + "\n\nResidents living near the "
        + subject
        + " said they had not been asked about the "
        + subject
        + ".";
  }

  private KafkaStreams start(String app, Path stateDir) {
    Properties p = EnrichDrivers.streamsProps(bootstrap, app, stateDir);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    return EnrichDrivers.startStreams(p);
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer());
  }

  /** Reads news.enriched until {@code want} articles of this run are there; 90 s at most. */
  private Map<String, EnrichedArticle> read(String run, int want) {
    Map<String, EnrichedArticle> out = new HashMap<>();
    Map<String, Object> c = new HashMap<>();
    c.put("bootstrap.servers", bootstrap);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          Stream.iterate(0, i -> i + 1)
              .limit(consumer.partitionsFor(Topics.ENRICHED.name()).size())
              .map(i -> new TopicPartition(Topics.ENRICHED.name(), i))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (out.size() < want && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() != null && r.key().startsWith(run) && r.value() != null) {
            out.put(
                r.key(),
                Topics.ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value()));
          }
        }
      }
    }
    assertThat(out).as("enriched articles of " + run).hasSize(want);
    return out;
  }
}
