package io.newsflow.enrich.topology;

import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Chooses the partition of the outlet repartition topic: every article of one outlet (the key
 * {@link LearnStep#outletKey(RawArticle)} finds in the raw record) goes to one partition, so one
 * task learns that outlet's boilerplate from all its articles, whichever producer wrote {@code
 * news.raw} and however it spread them. An article without an outlet, and bytes that are not a
 * {@code RawArticle} (they become dead letters after the repartition), spread by their key.
 */
final class OutletPartitioner implements StreamPartitioner<String, byte[]> {
  private final Deserializer<RawArticle> decoder = Topics.RAW.valueSerde().deserializer();

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String key, byte[] value, int numPartitions) {
    String outlet = outletOf(topic, value);
    String by = outlet != null ? outlet : key;
    if (by == null) {
      return Optional.of(Set.of(0));
    }
    return Optional.of(Set.of(partitionOf(by, numPartitions)));
  }

  /** murmur2 of the UTF-8 bytes, as Kafka's default partitioner hashes a key. */
  static int partitionOf(String key, int numPartitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions;
  }

  private String outletOf(String topic, byte[] value) {
    if (value == null || value.length == 0) {
      return null;
    }
    try {
      return LearnStep.outletKey(decoder.deserialize(topic, value));
    } catch (RuntimeException notARawArticle) {
      return null; // the decode step after the repartition dead-letters it with the reason
    }
  }
}
