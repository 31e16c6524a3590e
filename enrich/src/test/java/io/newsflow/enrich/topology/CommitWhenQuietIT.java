package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testkit.KafkaFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
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
        KafkaProducer<String, byte[]> producer = EnrichDrivers.producer(bootstrap);
        KafkaConsumer<String, byte[]> consumer = EnrichDrivers.enrichedConsumer(bootstrap)) {
      EnrichDrivers.awaitRunning(streams);
      EnrichDrivers.sendRaw(producer, run, 0, 3, i -> "Harbour Ledger " + i);
      assertThat(EnrichDrivers.readIds(consumer, run, seen, 3, READ_FOR)).hasSize(3);
      // a second, later burst is not held back by the first one's commit either
      EnrichDrivers.sendRaw(producer, run, 3, 2, i -> "Harbour Ledger " + i);
      assertThat(EnrichDrivers.readIds(consumer, run, seen, 5, READ_FOR)).hasSize(5);
    }
  }

  private KafkaStreams start(String app, Path stateDir) {
    Properties p = EnrichDrivers.streamsProps(bootstrap, app, stateDir);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, LONG_INTERVAL.toMillis());
    // a transaction may stay open that long (the broker allows up to 15 minutes)
    p.put(
        StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
        (int) LONG_INTERVAL.plusMinutes(1).toMillis());
    return EnrichDrivers.startStreams(p);
  }
}
