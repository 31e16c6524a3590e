package io.newsflow.connect;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Evidence;
import io.newsflow.schemas.TopicTag;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;

/** Records made up for tests, and the bytes an older newsflow release would have written. */
final class Records {
  static {
    Topics.fixed(); // the codecs allow Avro to build newsflow's generated classes (PLATFORM.md trap
    // 2)
  }

  private Records() {}

  static EnrichedArticle article(String id, int version, String title) {
    Evidence evidence =
        Evidence.newBuilder()
            .setPhrase("sovereignty")
            .setField("text")
            .setStart(4)
            .setEnd(15)
            .setRule("cue:sovereignty")
            .build();
    TopicTag tag =
        TopicTag.newBuilder()
            .setName("sovereignty")
            .setScore(0.9)
            .setTaxonomyVersion("t1")
            .setEvidence(List.of(evidence))
            .build();
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setSource("https://example.org/" + id)
        .setOutlet("Example Outlet")
        .setTitle(title)
        .setText("The sovereignty of " + id + " was discussed.")
        .setRemoved(List.of())
        .setTopics(List.of(tag))
        .setLanguage("en")
        .setPublished("2026-11-20T10:00:00Z")
        .setFetchedAt(Instant.parse("2026-11-21T05:00:00Z"))
        .setVersion(version)
        .setExtractorVersion("x1")
        .setTaxonomyVersion("t1")
        .build();
  }

  static byte[] encode(EnrichedArticle article) {
    return Topics.ENRICHED.valueSerde().serializer().serialize("t", article);
  }

  /**
   * The bytes a release whose writer schema was {@code old} would have written for this article:
   * the article read into {@code old} (fields {@code old} lacks are dropped), then encoded with it.
   */
  static byte[] encodeAs(EnrichedArticle article, Schema old) {
    byte[] current = encode(article);
    Schema writer = article.getSchema();
    try {
      GenericRecord asOld =
          new GenericDatumReader<GenericRecord>(writer, old)
              .read(
                  null, DecoderFactory.get().binaryDecoder(current, 10, current.length - 10, null));
      ByteBuffer buf =
          new BinaryMessageEncoder<GenericRecord>(GenericData.get(), old).encode(asOld);
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }
}
