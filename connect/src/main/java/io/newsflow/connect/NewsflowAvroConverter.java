package io.newsflow.connect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.ResolvingDecoder;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
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

  /** Configuration key: the schema registry that registry-framed values' ids refer to. */
  public static final String REGISTRY_URL_CONFIG = "schema.registry.url";

  static final String REGISTRY_URL_DOC =
      "The Apicurio Registry API (e.g. http://localhost:8080/apis/registry/v3) that values written"
          + " by newsflow in registry mode (magic byte 0 + 4-byte schema id) refer to. Empty (the"
          + " default): such values fail with a message saying to set this. Values in single-object"
          + " encoding never need it.";

  private static final ConfigDef CONFIG =
      new ConfigDef()
          .define(
              REGISTRY_URL_CONFIG,
              ConfigDef.Type.STRING,
              "",
              ConfigDef.Importance.MEDIUM,
              REGISTRY_URL_DOC)
          .define(
              HISTORY_DIR_CONFIG,
              ConfigDef.Type.STRING,
              "",
              ConfigDef.Importance.LOW,
              HISTORY_DIR_DOC);

  private static final int HEADER = 10;
  private static final int REGISTRY_HEADER = 5;
  private static volatile SchemaHistory shipped;

  private final Map<Long, Reader> readers = new ConcurrentHashMap<>();
  private SchemaHistory history;
  private RegistrySchemas registry;
  private ThreadLocal<PerThread> local = ThreadLocal.withInitial(PerThread::new);

  /** A writer version: its Avro schemas, the Connect schema of what it reads and its decoder. */
  private record Reader(
      org.apache.avro.Schema writer,
      org.apache.avro.Schema reader,
      Schema connect,
      StructDecoder decoder) {}

  /**
   * What one thread reuses from record to record: the binary decoder, a resolving decoder per
   * writer version, and the last version seen (a topic's records mostly share one), so that a
   * record costs no map look-up and no decoder allocation.
   */
  private static final class PerThread {
    private final Map<Long, ResolvingDecoder> resolvers = new HashMap<>();
    private BinaryDecoder binary;
    private long lastFingerprint;
    private Reader lastReader;
    private ResolvingDecoder lastResolver;
  }

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> parsed = CONFIG.parse(configs);
    String dir = (String) parsed.get(HISTORY_DIR_CONFIG);
    String url = ((String) parsed.get(REGISTRY_URL_CONFIG)).strip();
    if (registry != null) {
      registry.close();
    }
    registry = url.isEmpty() ? null : new RegistrySchemas(url, configs);
    history = dir.isBlank() ? shippedHistory() : SchemaHistory.fromDirectory(Path.of(dir));
    readers.clear();
    local = ThreadLocal.withInitial(PerThread::new);
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
    int offset = value.length > 0 && value[0] == 0 ? REGISTRY_HEADER : HEADER;
    long fingerprint =
        offset == HEADER ? fingerprint(topic, value) : registryFingerprint(topic, value);
    PerThread t = local.get();
    if (t.lastReader == null || t.lastFingerprint != fingerprint) {
      Reader r = readers.computeIfAbsent(fingerprint, this::reader);
      t.lastResolver =
          r.writer().equals(r.reader())
              ? null // nothing to resolve: decode straight from the bytes
              : t.resolvers.computeIfAbsent(fingerprint, f -> resolver(r));
      t.lastReader = r;
      t.lastFingerprint = fingerprint;
    }
    return new SchemaAndValue(t.lastReader.connect(), decode(topic, value, offset, t));
  }

  private static ResolvingDecoder resolver(Reader r) {
    try {
      return DecoderFactory.get().resolvingDecoder(r.writer(), r.reader(), null);
    } catch (IOException e) {
      throw new DataException("cannot resolve " + r.writer().getFullName() + ": " + e, e);
    }
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
    long fp = 0;
    for (int i = HEADER - 1; i >= 2; i--) {
      fp = (fp << 8) | (value[i] & 0xFF); // little-endian, as single-object encoding writes it
    }
    return fp;
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
    Schema connect = ConnectSchemas.forRecord(v.reader(), v.readerVersion());
    return new Reader(v.writer(), v.reader(), connect, StructDecoder.of(v.reader(), connect));
  }

  /** The fingerprint of the writer schema a registry-framed value's id names. */
  private long registryFingerprint(String topic, byte[] value) {
    if (value.length < REGISTRY_HEADER) {
      throw new DataException(
          "A record on topic '" + topic + "' is too short for any newsflow framing");
    }
    if (registry == null) {
      throw new DataException(
          "A record on topic '"
              + topic
              + "' is in the schema registry's wire format (magic byte 0, schema id "
              + RegistrySchemas.schemaId(value)
              + "): set value.converter."
              + REGISTRY_URL_CONFIG
              + " to the registry newsflow writes to (newsflow's schema.registry.url).");
    }
    return registry.fingerprint(topic, RegistrySchemas.schemaId(value));
  }

  private static Struct decode(String topic, byte[] value, int offset, PerThread t) {
    t.binary = DecoderFactory.get().binaryDecoder(value, offset, value.length - offset, t.binary);
    try {
      if (t.lastResolver == null) {
        return t.lastReader.decoder().read(t.binary);
      }
      t.lastResolver.configure(t.binary);
      return t.lastReader.decoder().read(t.lastResolver);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
      throw new DataException(
          "A record on topic '"
              + topic
              + "' has a known newsflow schema fingerprint but a corrupt Avro body: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    readers.clear();
    if (registry != null) {
      registry.close();
    }
  }
}
