package io.newsflow.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import io.newsflow.testkit.KafkaFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The lag the dashboard shows, against the real broker, on a topic written in transactions as the
 * enrich stage writes news.enriched: each transaction leaves a commit marker that takes an offset
 * but is no record. A group that has read everything is caught up (lag 0), and a group behind by N
 * records shows N, however many markers lie between.
 */
class LagIT {
  static final String TOPIC = Topics.ENRICHED.name();
  static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

  @Test
  void shouldCountRecordsNotTransactionMarkers() throws Exception {
    String bootstrap = KafkaFixture.shared().bootstrapServers();
    Map<String, Object> props = Map.of("bootstrap.servers", bootstrap);
    String caughtUp = "lag-it-caught-up-" + UUID.randomUUID();
    String behind = "lag-it-behind-" + UUID.randomUUID();
    try (Admin admin = Admin.create(props)) {
      new TopicAdmin(admin, 4, (short) 1, Duration.ofSeconds(60))
          .ensure(new ArrayList<TopicSpec<?, ?>>(Topics.fixed()));
      long start = end(admin);
      // five transactions of two records each on partition 0: 10 records, 5 commit markers
      List<Long> dataOffsets = new ArrayList<>();
      try (KafkaProducer<String, byte[]> producer = transactional(bootstrap)) {
        producer.initTransactions();
        for (int t = 0; t < 5; t++) {
          producer.beginTransaction();
          for (int i = 0; i < 2; i++) {
            dataOffsets.add(
                producer
                    .send(new ProducerRecord<>(TOPIC, 0, "k" + t + i, new byte[] {1, 2, 3}))
                    .get()
                    .offset());
          }
          producer.commitTransaction();
        }
      }
      // the broker writes a commit's marker after it has answered the commit: wait for the last
      long end = end(admin);
      for (long deadline = System.currentTimeMillis() + 10_000;
          end - start < 15 && System.currentTimeMillis() < deadline;
          end = end(admin)) {
        Thread.sleep(50);
      }
      assertThat(end - start).as("offsets taken: records and markers").isEqualTo(15);
      // one group read everything and committed after its last record, before the last marker
      // (as a consumer that commits the offset after the last record it got does); the other
      // has read the first two transactions and committed at the third one's first record
      // (both have read the topic's other partitions, which earlier tests may have written, to
      // their ends)
      Map<TopicPartition, OffsetAndMetadata> others = new HashMap<>();
      for (int p = 1; p < 4; p++) {
        TopicPartition tp = new TopicPartition(TOPIC, p);
        others.put(tp, new OffsetAndMetadata(end(admin, tp)));
      }
      Map<TopicPartition, OffsetAndMetadata> a = new HashMap<>(others);
      a.put(P0, new OffsetAndMetadata(dataOffsets.get(9) + 1));
      admin.alterConsumerGroupOffsets(caughtUp, a).all().get();
      Map<TopicPartition, OffsetAndMetadata> b = new HashMap<>(others);
      b.put(P0, new OffsetAndMetadata(dataOffsets.get(4)));
      admin.alterConsumerGroupOffsets(behind, b).all().get();

      DashboardState state = new DashboardState(100, List::of, () -> null);
      try (TopicWatcher watcher = new TopicWatcher(props, state, 2000, null);
          LagProbe probe =
              new LagProbe(
                  props,
                  state,
                  List.of(
                      new LagProbe.Group("caught up", caughtUp, TOPIC),
                      new LagProbe.Group("behind", behind, TOPIC)),
                  watcher.seenOffsets())) {
        watcher.start();
        assertThat(watcher.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        probe.start(Duration.ofMillis(200));
        Map<String, Long> lag = awaitLag(state);
        assertThat(lag).containsEntry("caught up", 0L).containsEntry("behind", 6L);
      }
      // what offsets alone would have said
      assertThat(end - (dataOffsets.get(9) + 1)).isEqualTo(1);
      assertThat(end - dataOffsets.get(4)).isEqualTo(9);
    }
  }

  private static Map<String, Long> awaitLag(DashboardState state) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      var node = state.pipeline(Instant.now());
      var lag = node.path("lag");
      if (lag.has("caught up") && lag.has("behind")) {
        Map<String, Long> m = new HashMap<>();
        lag.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
      }
      assertThat(System.currentTimeMillis())
          .as("lag read within 30 s (%s)", node.path("lagError").asText())
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static long end(Admin admin) throws Exception {
    return end(admin, P0);
  }

  private static long end(Admin admin, TopicPartition tp) throws Exception {
    return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get().get(tp).offset();
  }

  private static KafkaProducer<String, byte[]> transactional(String bootstrap) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrap);
    p.put("transactional.id", "lag-it-" + UUID.randomUUID());
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }
}
