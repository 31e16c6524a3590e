package io.newsflow.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes records with Avro single-object encoding ({@code C3 01}, the 8-byte schema fingerprint,
 * the body) and decodes any version listed in {@code avro-history/<Record>/index.txt}, so records
 * written by older releases stay readable. Thread-safe.
 *
 * @param <T> a generated record class
 */
public final class AvroCodec<T extends SpecificRecord> {
  static final String HISTORY = "/avro-history/";

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  private final List<Schema> history;

  private AvroCodec(Class<T> type) {
    AvroTrust.install();
    this.type = type;
    Schema current = SpecificData.get().getSchema(type);
    SpecificData model = new SpecificData(type.getClassLoader());
    this.history = loadHistory(current.getName());
    SchemaStore.Cache store = new SchemaStore.Cache();
    history.forEach(store::addSchema);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current, store);
  }

  /** A codec for one generated record class. */
  public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
    return new AvroCodec<>(Objects.requireNonNull(type, "type"));
  }

  public Class<T> type() {
    return type;
  }

  /** Every schema version this codec can read, oldest first. */
  public List<Schema> history() {
    return history;
  }

  public byte[] encode(T record) {
    try {
      ByteBuffer buf = encoder.encode(record);
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes bytes written by this or any earlier schema version.
   *
   * @throws org.apache.avro.AvroRuntimeException or {@link IOException} wrapped as {@link
   *     UncheckedIOException} when the bytes are not a record of a known version
   */
  public T decode(byte[] bytes) {
    try {
      return decoder.decode(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "not a " + type.getSimpleName() + " record: " + e.getMessage(), e);
    }
  }

  static List<Schema> loadHistory(String recordName) {
    String dir = HISTORY + recordName + "/";
    List<Schema> schemas = new ArrayList<>();
    try (InputStream index = AvroCodec.class.getResourceAsStream(dir + "index.txt")) {
      if (index == null) {
        throw new IllegalStateException("no schema history at " + dir + "index.txt");
      }
      for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          try (InputStream in = AvroCodec.class.getResourceAsStream(dir + line.strip())) {
            Objects.requireNonNull(in, () -> "missing schema " + dir + line.strip());
            schemas.add(new Schema.Parser().parse(in));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(schemas);
  }
}
