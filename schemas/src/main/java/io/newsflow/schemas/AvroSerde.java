package io.newsflow.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde over {@link AvroCodec}. Null stays null (a tombstone). A value that cannot be decoded
 * throws, so Kafka's deserialization handlers can route it to the dead-letter topic.
 *
 * <p>By default values are Avro single-object encoding. After {@link #use(ValueFormat)} (registry
 * mode) every serde writes through that format instead, and reads both: a value starting with
 * {@code C3 01} is single-object encoding, anything else goes to the format.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  private static volatile ValueFormat format;

  private final AvroCodec<T> codec;

  public AvroSerde(Class<T> type) {
    this.codec = AvroCodec.of(type);
  }

  /**
   * Makes every newsflow serde in this JVM write {@code valueFormat} (null: back to single-object
   * encoding). Call it once at start-up, before any producer or stream starts.
   */
  public static void use(ValueFormat valueFormat) {
    format = valueFormat;
  }

  /** The format installed by {@link #use(ValueFormat)}, or null for single-object encoding. */
  public static ValueFormat format() {
    return format;
  }

  public AvroCodec<T> codec() {
    return codec;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      ValueFormat f = format;
      return f == null ? codec.encode(data) : f.encode(topic, data);
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      if (data.length >= 2 && data[0] == (byte) 0xC3 && data[1] == 0x01) {
        return codec.decode(data);
      }
      ValueFormat f = format;
      if (f != null) {
        return f.decode(topic, data, codec.type());
      }
      if (data.length >= 5 && data[0] == 0) {
        throw new SerializationException(
            "a value on '"
                + topic
                + "' is in the schema registry's wire format (magic byte 0 and a schema id):"
                + " set schema.registry.url to read it");
      }
      return codec.decode(data);
    };
  }
}
