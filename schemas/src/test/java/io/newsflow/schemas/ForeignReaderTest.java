package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.junit.jupiter.api.Test;

/**
 * A subscriber that has none of newsflow's code, only an Avro library and the schema files newsflow
 * ships (as examples/subscriber-java and examples/python do), decodes what newsflow writes.
 */
class ForeignReaderTest {
  private static final Path HISTORY = Path.of("src/main/resources/avro-history");

  @Test
  void shouldDecodeAnEnrichedArticleWithOnlyTheShippedSchemaFiles() throws IOException {
    EnrichedArticle a =
        EnrichedArticle.newBuilder()
            .setId("a1")
            .setSource("https://example.org/a1")
            .setOutlet("Example Gazette")
            .setTitle("Council backs island claim")
            .setText("The council defended the islands' sovereignty.")
            .setRemoved(List.of())
            .setTopics(
                List.of(
                    TopicTag.newBuilder()
                        .setName("sovereignty")
                        .setScore(0.8)
                        .setTaxonomyVersion("t")
                        .setEvidence(
                            List.of(
                                Evidence.newBuilder()
                                    .setPhrase("sovereignty")
                                    .setField("text")
                                    .setStart(35)
                                    .setEnd(46)
                                    .setRule("r")
                                    .build()))
                        .build()))
            .setLanguage("en")
            .setFetchedAt(Instant.parse("2026-11-21T05:00:00Z"))
            .setVersion(1)
            .setExtractorVersion("x")
            .setTaxonomyVersion("t")
            .build();
    byte[] wire = Topics.ENRICHED.valueSerde().serializer().serialize(Topics.ENRICHED.name(), a);

    GenericRecord read = decoder("EnrichedArticle").decode(wire);

    assertThat(read.get("title").toString()).isEqualTo("Council backs island claim");
    GenericRecord tag = (GenericRecord) ((List<?>) read.get("topics")).get(0);
    assertThat(tag.get("name").toString()).isEqualTo("sovereignty");
    GenericRecord evidence = (GenericRecord) ((List<?>) tag.get("evidence")).get(0);
    assertThat(evidence.get("phrase").toString()).isEqualTo("sovereignty");
  }

  @Test
  void shouldDecodeRawArticlesAndDeadLettersWithOnlyTheShippedSchemaFiles() throws IOException {
    RawArticle raw =
        RawArticle.newBuilder()
            .setId("r1")
            .setSource("https://example.org/r1")
            .setVia(Via.REPLAY)
            .setFetchedAt(Instant.parse("2026-11-21T05:00:00Z"))
            .setContentType("text/plain")
            .setBody(ByteBuffer.wrap("body".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .setVersion(1)
            .build();
    DeadLetter dead =
        DeadLetter.newBuilder()
            .setStage("enrich")
            .setReason("empty body")
            .setFailedAt(Instant.parse("2026-11-21T05:00:00Z"))
            .build();

    GenericRecord r =
        decoder("RawArticle")
            .decode(Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), raw));
    GenericRecord d =
        decoder("DeadLetter")
            .decode(Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), dead));

    assertThat(r.get("source").toString()).isEqualTo("https://example.org/r1");
    assertThat(d.get("reason").toString()).isEqualTo("empty body");
  }

  /**
   * What a subscriber builds at start-up: every shipped version in the store, the newest to read.
   */
  private static BinaryMessageDecoder<GenericRecord> decoder(String record) throws IOException {
    Path dir = HISTORY.resolve(record);
    SchemaStore.Cache store = new SchemaStore.Cache();
    Schema newest = null;
    for (String line : Files.readAllLines(dir.resolve("index.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        newest = new Schema.Parser().parse(dir.resolve(line.strip()).toFile());
        store.addSchema(newest);
      }
    }
    return new BinaryMessageDecoder<>(GenericData.get(), newest, store);
  }
}
