package io.newsflow.connect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Reads newsflow's topics in Kafka Connect: {@code value.converter=io.newsflow.connect.
 * NewsflowAvroConverter}. Each value is Avro single-object encoding ({@code C3 01}, the 8-byte
 * fingerprint of the writer's schema, the body); the converter finds the writer's schema by its
 * fingerprint in the schema history of every newsflow record type, reads the record into the newest
 * version of its type (fields added later take their defaults) and returns a {@link Struct} with
 * the matching Connect schema. A null value (tombstone) stays null. Bytes that are not a newsflow
 * record fail with a {@link DataException} that says why; nothing is dropped silently.
 *
 * <p>Writing (Connect to Kafka) is not supported: newsflow's topics are written by newsflow.
 *
 * <p>Connect gives each task its own converter instance; the instance is nevertheless thread-safe.
 */
public final class NewsflowAvroConverter implements Converter {
  /** Configuration key: a folder laid out like newsflow's {@code avro-history}. */
  public static final String HISTORY_DIR_CONFIG = "schema.history.dir";

  static final String HISTORY_DIR_DOC =
      "A folder laid out like newsflow's schemas/src/main/resources/avro-history (one folder per"
          + " record type with index.txt and v<N>.avsc). Empty (the default): the history inside"
          + " the newsflow-schemas jar this converter was built with. Point it at a newer"
          + " release's folder to read records written by a newer newsflow without upgrading the"
          + " plugin.";

  private static final ConfigDef CONFIG =
      new ConfigDef()
          .define(
              HISTORY_DIR_CONFIG,
              ConfigDef.Type.STRING,
              "",
              ConfigDef.Importance.LOW,
              HISTORY_DIR_DOC);

  private static final int HEADER = 10;
  private static volatile SchemaHistory shipped;

  private final Map<Long, Reader> readers = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
  private SchemaHistory history;

  /** A writer version's Avro reader and the Connect schema of what it reads. */
  private record Reader(GenericDatumReader<GenericRecord> avro, Schema connect) {}

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    String dir = (String) CONFIG.parse(configs).get(HISTORY_DIR_CONFIG);
    history = dir.isBlank() ? shippedHistory() : SchemaHistory.fromDirectory(Path.of(dir));
    readers.clear();
  }

  private static SchemaHistory shippedHistory() {
    SchemaHistory h = shipped;
    if (h == null) {
      synchronized (NewsflowAvroConverter.class) {
        if (shipped == null) {
          shipped = SchemaHistory.fromClassPath();
        }
        h = shipped;
      }
    }
    return h;
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    throw new DataException(
        "NewsflowAvroConverter only reads newsflow's topics; it cannot write to '"
            + topic
            + "'. Use another converter (e.g. JsonConverter) for the topics your connector writes.");
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    if (history == null) {
      configure(Map.of(), false);
    }
    Reader reader = readers.computeIfAbsent(fingerprint(topic, value), this::reader);
    GenericRecord record = decode(topic, value, reader);
    return new SchemaAndValue(reader.connect(), toConnect(record, reader.connect()));
  }

  private long fingerprint(String topic, byte[] value) {
    if (value.length < HEADER || value[0] != (byte) 0xC3 || value[1] != 0x01) {
      throw new DataException(
          "A record on topic '"
              + topic
              + "' is not newsflow's Avro single-object encoding (it must start with C3 01 and an"
              + " 8-byte schema fingerprint; it starts with "
              + HexFormat.ofDelimiter(" ").formatHex(value, 0, Math.min(value.length, 10))
              + "). Use NewsflowAvroConverter only for the values of newsflow's topics"
              + " (news.enriched, news.articles, news.topic.*, news.raw, news.dlq); keys are UTF-8"
              + " strings: key.converter=org.apache.kafka.connect.storage.StringConverter.");
    }
    return ByteBuffer.wrap(value, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
  }

  private Reader reader(long fingerprint) {
    SchemaHistory.Version v = history.find(fingerprint);
    if (v == null) {
      throw new DataException(
          String.format(
              "No newsflow schema has fingerprint %016x (looked in %s). The record was written by"
                  + " a newer newsflow release than this converter knows: upgrade the"
                  + " newsflow-connect plugin, or set value.converter.%s to that release's"
                  + " schemas/src/main/resources/avro-history folder.",
              fingerprint, history.origin(), HISTORY_DIR_CONFIG));
    }
    return new Reader(
        new GenericDatumReader<>(v.writer(), v.reader()),
        ConnectSchemas.forRecord(v.reader(), v.readerVersion()));
  }

  private GenericRecord decode(String topic, byte[] value, Reader reader) {
    BinaryDecoder in =
        DecoderFactory.get().binaryDecoder(value, HEADER, value.length - HEADER, decoders.get());
    decoders.set(in);
    try {
      return reader.avro().read(null, in);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
      throw new DataException(
          "A record on topic '"
              + topic
              + "' has a known newsflow schema fingerprint but a corrupt Avro body: "
              + e.getMessage(),
          e);
    }
  }

  /** Avro's decoded value as the Connect value for {@code schema}; the two have the same shape. */
  static Object toConnect(Object avro, Schema schema) {
    if (avro == null) {
      return null;
    }
    return switch (schema.type()) {
      case STRUCT -> struct((GenericRecord) avro, schema);
      case ARRAY -> array((List<?>) avro, schema.valueSchema());
      case MAP -> map((Map<?, ?>) avro, schema.valueSchema());
      case STRING -> avro instanceof String s ? s : avro.toString(); // enum symbols
      case BYTES -> avro instanceof GenericFixed f ? f.bytes() : avro;
      case INT64 ->
          Timestamp.LOGICAL_NAME.equals(schema.name()) ? new java.util.Date((Long) avro) : avro;
      case INT32 ->
          Date.LOGICAL_NAME.equals(schema.name()) ? Date.toLogical(schema, (Integer) avro) : avro;
      default -> avro;
    };
  }

  private static Struct struct(GenericRecord record, Schema schema) {
    Struct struct = new Struct(schema);
    for (Field f : schema.fields()) {
      struct.put(f, toConnect(record.get(f.index()), f.schema()));
    }
    return struct;
  }

  private static List<?> array(List<?> avro, Schema element) {
    if (!needsConversion(element)) {
      return avro; // Avro's array is already a List of Connect-ready values
    }
    List<Object> out = new ArrayList<>(avro.size());
    for (Object o : avro) {
      out.add(toConnect(o, element));
    }
    return out;
  }

  private static Map<?, ?> map(Map<?, ?> avro, Schema value) {
    Map<String, Object> out = new HashMap<>(avro.size() * 2);
    avro.forEach((k, v) -> out.put(k.toString(), toConnect(v, value)));
    return out;
  }

  private static boolean needsConversion(Schema s) {
    return switch (s.type()) {
      case STRUCT, ARRAY, MAP, STRING, BYTES -> true;
      default -> s.name() != null;
    };
  }

  @Override
  public void close() {
    readers.clear();
  }
}
