package io.newsflow.enrich.topology;

import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The enrich topology in a {@link TopologyTestDriver}, and its topics, for the topology tests; and
 * its topics on a real broker, for the integration tests.
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
}
