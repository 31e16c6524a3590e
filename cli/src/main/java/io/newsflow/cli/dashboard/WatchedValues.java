package io.newsflow.cli.dashboard;

import io.newsflow.schemas.AvroCodec;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The dashboard consumer's value deserializer. It decodes straight from the fetched buffer (no copy
 * of each value into an array first) and reads of a raw article only its id and outlet: the body,
 * the bulk of news.raw, is skipped, not copied. A value it cannot decode comes back as {@link
 * #UNREADABLE} instead of an exception, so one foreign record cannot stop the reader.
 *
 * <p>When only the outlets' extraction health is watched (no page served), an enriched article is
 * read as a {@link HealthHead}: its outlet, title and date, the clean text's bytes and how many
 * lines were removed. The tags, their evidence and the removed lines' text are skipped.
 */
final class WatchedValues implements Deserializer<Object> {
  /** What a value that is not a newsflow record of its topic decodes to. */
  static final Object UNREADABLE = new Object();

  /** Of a raw article, what the dashboard needs: who it is and where it came from. */
  record RawHead(String id, String outlet) {}

  /**
   * Of an enriched article, what the outlets' health figures need.
   *
   * @param text the clean text, UTF-8
   */
  record HealthHead(
      String outlet, boolean missingTitle, boolean missingDate, ByteBuffer text, int removed) {}

  private final boolean healthOnly;
  private final BinaryMessageDecoder<GenericRecord> raw = projection(RawArticle.class);
  private final BinaryMessageDecoder<EnrichedArticle> enriched = full(EnrichedArticle.class);
  private final BinaryMessageDecoder<GenericRecord> enrichedHead = healthProjection();
  private final BinaryMessageDecoder<DeadLetter> dead = full(DeadLetter.class);

  /**
   * @param healthOnly read enriched articles as {@link HealthHead}s, not in full
   */
  WatchedValues(boolean healthOnly) {
    this.healthOnly = healthOnly;
  }

  /**
   * A decoder that reads, of any known version of an enriched article, the fields its outlet's
   * health figures need: the text as bytes (Avro reads a string as bytes without decoding it) and
   * the removed lines as records of no field, so only their number is kept.
   */
  private static BinaryMessageDecoder<GenericRecord> healthProjection() {
    Schema current = SpecificData.get().getSchema(EnrichedArticle.class);
    Schema removal = current.getField("removed").schema().getElementType();
    Schema emptyRemoval =
        SchemaBuilder.record(removal.getName())
            .namespace(removal.getNamespace())
            .fields()
            .endRecord();
    Schema head =
        SchemaBuilder.record(current.getName())
            .namespace(current.getNamespace())
            .fields()
            .optionalString("outlet")
            .optionalString("title")
            .name("text")
            .type()
            .bytesType()
            .noDefault()
            .name("removed")
            .type()
            .array()
            .items(emptyRemoval)
            .noDefault()
            .optionalString("published")
            .endRecord();
    return new BinaryMessageDecoder<>(GenericData.get(), head, store(EnrichedArticle.class));
  }

  /** The outlet of a raw article's encoded bytes (a dead letter's original record), or null. */
  String outletOfRaw(ByteBuffer value) {
    if (value == null) {
      return null;
    }
    try {
      Object outlet = raw.decode(value.duplicate()).get("outlet");
      return outlet == null ? null : outlet.toString();
    } catch (IOException | RuntimeException notRaw) {
      return null;
    }
  }

  /** A decoder that reads, of any known version, only the {@code id} and {@code outlet} fields. */
  private static BinaryMessageDecoder<GenericRecord> projection(Class<RawArticle> type) {
    Schema current = SpecificData.get().getSchema(type);
    Schema head =
        SchemaBuilder.record(current.getName())
            .namespace(current.getNamespace())
            .fields()
            .requiredString("id")
            .optionalString("outlet")
            .endRecord();
    return new BinaryMessageDecoder<>(GenericData.get(), head, store(type));
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> BinaryMessageDecoder<T> full(
      Class<T> type) {
    return new BinaryMessageDecoder<>(
        new SpecificData(type.getClassLoader()), SpecificData.get().getSchema(type), store(type));
  }

  private static SchemaStore.Cache store(
      Class<? extends org.apache.avro.specific.SpecificRecord> type) {
    List<Schema> history = AvroCodec.of(type).history();
    SchemaStore.Cache store = new SchemaStore.Cache();
    history.forEach(store::addSchema);
    return store;
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    return data == null ? null : deserialize(topic, null, ByteBuffer.wrap(data));
  }

  @Override
  public Object deserialize(String topic, Headers headers, ByteBuffer data) {
    if (data == null) {
      return null;
    }
    try {
      if (topic.equals(Topics.RAW.name())) {
        GenericRecord r = raw.decode(data.duplicate());
        Object outlet = r.get("outlet");
        return new RawHead(r.get("id").toString(), outlet == null ? null : outlet.toString());
      } else if (topic.equals(Topics.DLQ.name())) {
        return dead.decode(data.duplicate());
      } else if (healthOnly) {
        GenericRecord r = enrichedHead.decode(data.duplicate());
        return new HealthHead(
            r.get("outlet") == null ? null : r.get("outlet").toString(),
            blank(r.get("title")),
            blank(r.get("published")),
            (ByteBuffer) r.get("text"),
            ((java.util.Collection<?>) r.get("removed")).size());
      } else {
        return enriched.decode(data.duplicate());
      }
    } catch (IOException | RuntimeException e) {
      return UNREADABLE;
    }
  }

  private static boolean blank(Object s) {
    return s == null || s.toString().isBlank();
  }
}
