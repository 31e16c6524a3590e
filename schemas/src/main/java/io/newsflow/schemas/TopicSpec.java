package io.newsflow.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with its key and value serdes.
 *
 * @param name topic name
 * @param keySerde key serde
 * @param valueSerde value serde
 * @param compacted whether the topic keeps only the latest record per key
 */
public record TopicSpec<K, V>(
    String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }
}
