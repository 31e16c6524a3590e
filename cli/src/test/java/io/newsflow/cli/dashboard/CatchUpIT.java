package io.newsflow.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import io.newsflow.testkit.KafkaFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A command that ends asks the dashboard's reader to catch up (so a late alert is not lost), and
 * the request wakes the reader out of its poll. The reader must treat that as a request, not as the
 * stop signal: it goes on reading what is written afterwards, and answers the next request.
 */
class CatchUpIT {
  @Test
  void shouldKeepReadingAfterACatchUpRequest() throws Exception {
    String bootstrap = KafkaFixture.shared().bootstrapServers();
    Map<String, Object> props = Map.of("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(props)) {
      new TopicAdmin(admin, 4, (short) 1, Duration.ofSeconds(60))
          .ensure(new ArrayList<TopicSpec<?, ?>>(Topics.fixed()));
    }
    DashboardState state = new DashboardState(100, List::of, () -> null);
    try (TopicWatcher watcher = new TopicWatcher(props, state, 10, null)) {
      watcher.start();
      assertThat(watcher.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      long before = watcher.records();

      send(bootstrap, 3);

      assertThat(watcher.awaitCaughtUp(Duration.ofSeconds(30)))
          .as("caught up again after records written since the first request")
          .isTrue();
      assertThat(watcher.records() - before).isGreaterThanOrEqualTo(3);
      assertThat(watcher.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }
  }

  /** Records that are not newsflow's: the reader counts them and shows nothing else for them. */
  private static void send(String bootstrap, int n) throws Exception {
    Map<String, Object> p = Map.of("bootstrap.servers", bootstrap);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < n; i++) {
        producer
            .send(new ProducerRecord<>(Topics.ENRICHED.name(), 0, "catch-up-" + i, new byte[] {1}))
            .get();
      }
    }
  }
}
