package io.newsflow.schemas;

import org.apache.avro.specific.SpecificRecord;

/**
 * A framing of newsflow's Avro values other than the default single-object encoding: the schema
 * registry's wire format (magic byte 0, the 4-byte schema id, the body) when {@code
 * schema.registry.url} is set. Installed once at start-up with {@link AvroSerde#use(ValueFormat)};
 * every {@link AvroSerde} then writes through it, and reads both it and single-object encoding, so
 * topics that hold records of both keep working. Implementations are thread-safe.
 */
public interface ValueFormat {
  /** The value's bytes for {@code topic}; never null for a non-null value. */
  byte[] encode(String topic, SpecificRecord value);

  /**
   * Reads bytes that are not single-object encoded into {@code type} (the newest version).
   *
   * @throws org.apache.kafka.common.errors.SerializationException when the bytes are not this
   *     format's, or their schema cannot be found
   */
  <T extends SpecificRecord> T decode(String topic, byte[] data, Class<T> type);

  /** A short description for logs and errors, e.g. the registry's URL. */
  String describe();
}
