package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** topic.replication.factor and topic.min.insync.replicas, for a cluster of several brokers. */
class ReplicationConfigTest {
  @Test
  void shouldKeepTheClustersMinInSyncByDefault() {
    NewsflowConfig c = NewsflowConfig.load(null, Map.of(), Map.of());
    assertThat(c.getInt(NewsflowConfig.MIN_INSYNC_CONFIG)).isZero();
    assertThat(Pipeline.streamsProps(Cluster.unchecked("localhost:9092", c), c))
        .doesNotContainKey(StreamsConfig.topicPrefix("min.insync.replicas"));
  }

  @Test
  void shouldPassMinInSyncToTheTopicsStreamsCreatesToo() {
    NewsflowConfig c =
        NewsflowConfig.load(
            null,
            Map.of(
                "NEWSFLOW_TOPIC_REPLICATION_FACTOR",
                "3",
                "NEWSFLOW_TOPIC_MIN_INSYNC_REPLICAS",
                "2"),
            Map.of());
    assertThat(Pipeline.streamsProps(Cluster.unchecked("localhost:9092", c), c))
        .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
        .containsEntry(StreamsConfig.topicPrefix("min.insync.replicas"), 2);
  }

  @Test
  void shouldRefuseMoreInSyncReplicasThanReplicasSayingWhatToChange() {
    assertThatThrownBy(
            () ->
                NewsflowConfig.load(
                    null,
                    Map.of(),
                    Map.of("topic.replication.factor", "1", "topic.min.insync.replicas", "2")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topic.min.insync.replicas")
        .hasMessageContaining("cannot exceed topic.replication.factor (1)");
  }
}
