package io.newsflow.registry;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.newsflow.schemas.ValueFormat;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Registry mode: newsflow's values in the schema registry's wire format, magic byte {@code 0}, the
 * 4-byte id of the writer's schema, the Avro body; the format Confluent's and Apicurio's serdes,
 * Karapace and every registry-aware tool read. It is Apicurio's Kafka serde underneath: on the
 * first record of a topic it registers the record's schema under the artifact {@code <topic>-value}
 * (Confluent's subject naming) or finds it there, then caches the id. Reading fetches a writer's
 * schema by id, once, and reads the record into the newest generated class, so records written with
 * older schemas stay readable.
 *
 * <p>The registry must speak Apicurio's API ({@code /apis/registry/v3}); its Confluent-compatible
 * API numbers schemas by the same content ids, so Confluent-format readers on the same registry
 * read what newsflow writes.
 */
public final class RegistryValueFormat implements ValueFormat {
  private final String url;
  private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
  private final AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();

  /**
   * A format writing to and reading from the registry at {@code url}.
   *
   * @param url the registry's Apicurio API, e.g. {@code http://localhost:8080/apis/registry/v3}
   * @param extra further {@code apicurio.registry.*} settings (authentication, retries); may be
   *     empty
   * @throws IllegalArgumentException when {@code url} is not an http(s) URL
   */
  public RegistryValueFormat(String url, Map<String, ?> extra) {
    this.url = checked(url);
    Map<String, Object> config = new HashMap<>(extra);
    config.put(SerdeConfig.REGISTRY_URL, this.url);
    config.putIfAbsent(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
    config.putIfAbsent(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
    serializer.configure(config, false);
    deserializer.configure(config, false);
  }

  private static String checked(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("schema.registry.url is not a URL: '" + url + "'", e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "schema.registry.url must be an http(s) URL of the registry's API, e.g."
              + " http://localhost:8080/apis/registry/v3; got '"
              + url
              + "'");
    }
    return url.strip();
  }

  @Override
  public byte[] encode(String topic, SpecificRecord value) {
    try {
      return serializer.serialize(topic, value);
    } catch (SerializationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SerializationException(
          "cannot write a "
              + value.getSchema().getName()
              + " to '"
              + topic
              + "' in registry mode: the schema registry at "
              + url
              + " failed ("
              + e
              + "). Check that it runs and that schema.registry.url points at its API, or unset"
              + " schema.registry.url to write single-object encoding.",
          e);
    }
  }

  @Override
  public <T extends SpecificRecord> T decode(String topic, byte[] data, Class<T> type) {
    if (data.length < 5 || data[0] != 0) {
      throw new SerializationException(
          "a value on '"
              + topic
              + "' is neither newsflow's single-object encoding (C3 01) nor the registry's wire"
              + " format (magic byte 0 and a 4-byte schema id)");
    }
    Object record;
    try {
      record = deserializer.deserialize(topic, data);
    } catch (RuntimeException e) {
      throw new SerializationException(
          "cannot read a value on '"
              + topic
              + "' with schema id "
              + schemaId(data)
              + " from the schema registry at "
              + url
              + ": "
              + e,
          e);
    }
    if (!type.isInstance(record)) {
      throw new SerializationException(
          "a value on '"
              + topic
              + "' is a "
              + (record == null ? "null" : record.getClass().getName())
              + " (schema id "
              + schemaId(data)
              + "), not a "
              + type.getName());
    }
    return type.cast(record);
  }

  /** The schema id in a registry-framed value's header. */
  static int schemaId(byte[] data) {
    return ((data[1] & 0xFF) << 24)
        | ((data[2] & 0xFF) << 16)
        | ((data[3] & 0xFF) << 8)
        | (data[4] & 0xFF);
  }

  @Override
  public String describe() {
    return "schema registry at " + url;
  }
}
