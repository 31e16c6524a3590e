package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class AvroCodecTest {

  @Test
  void shouldRoundTripRawArticleWithSingleObjectEncoding() {
    AvroCodec<RawArticle> codec = AvroCodec.of(RawArticle.class);
    RawArticle raw =
        RawArticle.newBuilder()
            .setId("abc")
            .setSource("a/b.txt")
            .setOutlet(null)
            .setVia(Via.REPLAY)
            .setFetchedAt(Instant.ofEpochMilli(1_700_000_000_000L))
            .setContentType("text/plain")
            .setCharset("UTF-8")
            .setBody(ByteBuffer.wrap("héllo".getBytes(StandardCharsets.UTF_8)))
            .build();

    byte[] bytes = codec.encode(raw);

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(codec.decode(bytes)).isEqualTo(raw);
    assertThat(raw.getLanguage()).as("no hint unless one is set").isNull();
  }

  @Test
  void shouldReadEnrichedArticleWrittenWithTheFirstSchemaVersion() {
    AvroCodec<EnrichedArticle> codec = AvroCodec.of(EnrichedArticle.class);
    List<Schema> history = codec.history();
    assertThat(history).hasSizeGreaterThanOrEqualTo(2);
    Schema previous = history.get(0);
    assertThat(previous.getField("canonicalUrl")).as("field added in a later version").isNull();

    GenericRecord old = new GenericData.Record(previous);
    old.put("id", "id-1");
    old.put("source", "https://example.org/a");
    old.put("outlet", "Example");
    old.put("title", "A title");
    old.put("text", "Para one.\n\nPara two.");
    old.put("removed", new GenericData.Array<>(previous.getField("removed").schema(), List.of()));
    old.put("topics", new GenericData.Array<>(previous.getField("topics").schema(), List.of()));
    old.put("language", "en");
    old.put("published", null);
    old.put(
        "authors",
        new GenericData.Array<>(previous.getField("authors").schema(), List.of("A. Writer")));
    old.put("dateline", null);
    old.put("fetchedAt", 1_700_000_000_000L);
    old.put("version", 1);
    old.put("extractorVersion", "x1");
    old.put("taxonomyVersion", "t1");
    byte[] bytes = encodeGeneric(previous, old);

    EnrichedArticle read = codec.decode(bytes);

    assertThat(read.getId()).isEqualTo("id-1");
    assertThat(read.getText()).isEqualTo("Para one.\n\nPara two.");
    assertThat(read.getAuthors()).containsExactly("A. Writer");
    assertThat(read.getCanonicalUrl()).isNull();
    assertThat(read.getImageUrl()).isNull();
    assertThat(read.getPageKind()).isEqualTo("article");
  }

  @Test
  void shouldReadAnEnrichedArticleFromBeforePageKindsAsAnArticle() {
    AvroCodec<EnrichedArticle> codec = AvroCodec.of(EnrichedArticle.class);
    Schema v2 = codec.history().get(1);
    assertThat(v2.getField("pageKind")).as("field added in v3").isNull();
    GenericRecord old = new GenericData.Record(v2);
    old.put("id", "id-2");
    old.put("source", "https://example.org/b");
    old.put("text", "Body.");
    old.put("removed", new GenericData.Array<>(v2.getField("removed").schema(), List.of()));
    old.put("topics", new GenericData.Array<>(v2.getField("topics").schema(), List.of()));
    old.put("authors", new GenericData.Array<>(v2.getField("authors").schema(), List.of()));
    old.put("fetchedAt", 1_700_000_000_000L);
    old.put("version", 3);
    old.put("extractorVersion", "x2");
    old.put("taxonomyVersion", "t2");

    EnrichedArticle read = codec.decode(encodeGeneric(v2, old));

    assertThat(read.getId()).isEqualTo("id-2");
    assertThat(read.getVersion()).isEqualTo(3);
    assertThat(read.getPageKind()).isEqualTo("article");
  }

  @Test
  void shouldReadAnEnrichedArticleFromBeforeStoriesAsUnassigned() {
    AvroCodec<EnrichedArticle> codec = AvroCodec.of(EnrichedArticle.class);
    Schema v3 = codec.history().get(2);
    assertThat(v3.getField("storyId")).as("field added in v4").isNull();
    GenericRecord old = new GenericData.Record(v3);
    old.put("id", "id-3");
    old.put("source", "https://example.org/c");
    old.put("text", "Body.");
    old.put("removed", new GenericData.Array<>(v3.getField("removed").schema(), List.of()));
    old.put("topics", new GenericData.Array<>(v3.getField("topics").schema(), List.of()));
    old.put("authors", new GenericData.Array<>(v3.getField("authors").schema(), List.of()));
    old.put("fetchedAt", 1_700_000_000_000L);
    old.put("version", 1);
    old.put("extractorVersion", "x3");
    old.put("taxonomyVersion", "t3");
    old.put("pageKind", "liveblog");

    EnrichedArticle read = codec.decode(encodeGeneric(v3, old));

    assertThat(read.getPageKind()).isEqualTo("liveblog");
    assertThat(read.getStoryId()).isNull();
    assertThat(read.getDuplicateOf()).isNull();
  }

  @Test
  void shouldRoundTripAStoryWithItsArticlesAndTagCounts() {
    AvroCodec<Story> codec = AvroCodec.of(Story.class);
    Story story =
        Story.newBuilder()
            .setId("story-a1")
            .setTitle("Quake hits the coast")
            .setFirstSeen("2026-03-03T10:00:00Z")
            .setLastSeen("2026-03-04T08:00:00Z")
            .setArticleCount(2)
            .setArticles(
                List.of(
                    StoryMember.newBuilder().setArticleId("a1").setOutlet("Daily").build(),
                    StoryMember.newBuilder()
                        .setArticleId("a2")
                        .setLanguage("es")
                        .setDuplicateOf("a1")
                        .build()))
            .setTags(java.util.Map.of("intervention", 2))
            .setSequence(7)
            .build();

    Story read = codec.decode(codec.encode(story));

    assertThat(read).isEqualTo(story);
    assertThat(read.getArticles().get(1).getDuplicateOf()).isEqualTo("a1");
    assertThat(read.getMergedInto()).isNull();
  }

  @Test
  void shouldReadTagsWrittenBeforeTheyCarriedTheirDecidingSentences() {
    AvroCodec<EnrichedArticle> codec = AvroCodec.of(EnrichedArticle.class);
    Schema v2 = codec.history().get(1);
    Schema tagSchema = v2.getField("topics").schema().getElementType();
    assertThat(tagSchema.getField("sentences")).as("not in v2").isNull();
    Schema evidenceSchema = tagSchema.getField("evidence").schema();
    GenericRecord tag = new GenericData.Record(tagSchema);
    tag.put("name", "sovereignty");
    tag.put("score", 0.9);
    tag.put("taxonomyVersion", "t1");
    tag.put("evidence", new GenericData.Array<>(evidenceSchema, List.of()));
    GenericRecord old = new GenericData.Record(v2);
    for (Schema.Field f : v2.getFields()) {
      if (f.hasDefaultValue()) {
        old.put(f.name(), GenericData.get().getDefaultValue(f));
      }
    }
    old.put("id", "id-2");
    old.put("source", "https://example.org/b");
    old.put("outlet", "Example");
    old.put("title", "A title");
    old.put("text", "Body.");
    old.put("removed", new GenericData.Array<>(v2.getField("removed").schema(), List.of()));
    old.put("topics", new GenericData.Array<>(v2.getField("topics").schema(), List.of(tag)));
    old.put("language", "en");
    old.put("authors", new GenericData.Array<>(v2.getField("authors").schema(), List.of()));
    old.put("fetchedAt", 1_700_000_000_000L);
    old.put("version", 1);
    old.put("extractorVersion", "x1");
    old.put("taxonomyVersion", "t1");

    EnrichedArticle read = codec.decode(encodeGeneric(v2, old));

    assertThat(read.getTopics()).hasSize(1);
    assertThat(read.getTopics().get(0).getName()).isEqualTo("sovereignty");
    assertThat(read.getTopics().get(0).getSentences()).isNull();
  }

  @Test
  void shouldReadRawArticleWrittenBeforeItCarriedALanguageHint() {
    AvroCodec<RawArticle> codec = AvroCodec.of(RawArticle.class);
    Schema v1 = codec.history().get(0);
    assertThat(v1.getField("language")).as("field added in v2").isNull();

    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "id-1");
    old.put("source", "https://example.org/a");
    old.put("outlet", "Example");
    old.put("via", new GenericData.EnumSymbol(v1.getField("via").schema(), "FEED"));
    old.put("fetchedAt", 1_700_000_000_000L);
    old.put("contentType", "text/html");
    old.put("charset", "UTF-8");
    old.put("body", ByteBuffer.wrap("<p>hi</p>".getBytes(StandardCharsets.UTF_8)));
    old.put("version", 2);

    RawArticle read = codec.decode(encodeGeneric(v1, old));

    assertThat(read.getId()).isEqualTo("id-1");
    assertThat(read.getVia()).isEqualTo(Via.FEED);
    assertThat(read.getVersion()).isEqualTo(2);
    assertThat(read.getLanguage()).isNull();
  }

  @Test
  void shouldRoundTripARawArticlesLanguageHint() {
    AvroCodec<RawArticle> codec = AvroCodec.of(RawArticle.class);
    RawArticle raw =
        RawArticle.newBuilder()
            .setId("abc")
            .setSource("https://example.org/a")
            .setVia(Via.FEED)
            .setFetchedAt(Instant.ofEpochMilli(1_700_000_000_000L))
            .setContentType("text/html")
            .setBody(ByteBuffer.wrap(new byte[0]))
            .setLanguage("pt-BR")
            .build();
    assertThat(codec.decode(codec.encode(raw)).getLanguage()).isEqualTo("pt-BR");
  }

  @Test
  void shouldKeepTheCurrentSchemaOfEveryRecordInItsHistory() {
    for (Class<? extends org.apache.avro.specific.SpecificRecord> type :
        List.of(
            RawArticle.class,
            EnrichedArticle.class,
            DeadLetter.class,
            ArticleRemoved.class,
            Story.class)) {
      Schema current = SpecificData.get().getSchema(type);
      assertThat(AvroCodec.of(type).history())
          .as("%s changed without a new avro-history entry", type.getSimpleName())
          .contains(current);
    }
  }

  @Test
  void shouldRejectBytesThatAreNotASingleObjectRecord() {
    AvroCodec<RawArticle> codec = AvroCodec.of(RawArticle.class);
    assertThatThrownBy(() -> codec.decode("not avro".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RuntimeException.class);
  }

  private static byte[] encodeGeneric(Schema schema, GenericRecord record) {
    try {
      ByteBuffer buf =
          new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
