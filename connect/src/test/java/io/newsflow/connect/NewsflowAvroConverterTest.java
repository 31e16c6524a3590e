package io.newsflow.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.Via;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsflowAvroConverterTest {
  private final NewsflowAvroConverter converter = configured(Map.of());

  private static NewsflowAvroConverter configured(Map<String, String> config) {
    NewsflowAvroConverter c = new NewsflowAvroConverter();
    c.configure(config, false);
    return c;
  }

  @Test
  void shouldTurnAnEnrichedArticleIntoAStructWithItsNestedTagsAndTimestamp() {
    SchemaAndValue got =
        converter.toConnectData("news.enriched", Records.encode(Records.article("a1", 2, "Hi")));

    Struct s = (Struct) got.value();
    s.validate();
    assertThat(got.schema().name()).isEqualTo("io.newsflow.schemas.EnrichedArticle");
    assertThat(got.schema().version()).isEqualTo(historySize("EnrichedArticle"));
    assertThat(s.getString("id")).isEqualTo("a1");
    assertThat(s.getString("title")).isEqualTo("Hi");
    assertThat(s.getInt32("version")).isEqualTo(2);
    assertThat(got.schema().field("fetchedAt").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(s.get("fetchedAt")).isEqualTo(Date.from(Instant.parse("2026-11-21T05:00:00Z")));
    Struct tag = (Struct) s.getArray("topics").get(0);
    assertThat(tag.getString("name")).isEqualTo("sovereignty");
    Struct evidence = (Struct) tag.getArray("evidence").get(0);
    assertThat(evidence.getString("phrase")).isEqualTo("sovereignty");
    assertThat(evidence.getInt32("end")).isEqualTo(15);
  }

  @Test
  void shouldReadEveryOldVersionIntoTheNewestSchemaWithDefaultsForLaterFields() {
    for (Schema old : history("EnrichedArticle")) {
      byte[] bytes = Records.encodeAs(Records.article("old", 1, "Old title"), old);

      SchemaAndValue got = converter.toConnectData("news.enriched", bytes);

      Struct s = (Struct) got.value();
      s.validate();
      assertThat(got.schema().version()).isEqualTo(historySize("EnrichedArticle"));
      assertThat(s.getString("title")).isEqualTo("Old title");
      assertThat(s.getString("text")).isEqualTo("The sovereignty of old was discussed.");
      if (old.getField("canonicalUrl") == null) {
        assertThat(s.get("canonicalUrl")).isNull(); // added in v2 with default null
      }
    }
  }

  @Test
  void shouldKeepATombstoneATombstone() {
    assertThat(converter.toConnectData("news.articles", null)).isEqualTo(SchemaAndValue.NULL);
  }

  @Test
  void shouldReadRawArticlesWithTheirEnumAndBytesAndDeadLetters() {
    RawArticle raw =
        RawArticle.newBuilder()
            .setId("r1")
            .setSource("https://example.org/r1")
            .setVia(Via.FEED)
            .setFetchedAt(Instant.parse("2026-11-21T05:00:00Z"))
            .setContentType("text/html")
            .setBody(ByteBuffer.wrap("<p>hi</p>".getBytes(StandardCharsets.UTF_8)))
            .build();
    DeadLetter dead =
        DeadLetter.newBuilder()
            .setStage("extract")
            .setReason("body is binary (image/png)")
            .setFailedAt(Instant.parse("2026-11-21T05:00:00Z"))
            .setValue(ByteBuffer.wrap(new byte[] {1, 2}))
            .build();

    Struct r =
        (Struct)
            converter
                .toConnectData("news.raw", Topics.RAW.valueSerde().serializer().serialize("t", raw))
                .value();
    Struct d =
        (Struct)
            converter
                .toConnectData(
                    "news.dlq", Topics.DLQ.valueSerde().serializer().serialize("t", dead))
                .value();

    r.validate();
    d.validate();
    assertThat(r.getString("via")).isEqualTo("FEED");
    assertThat(bytes(r.get("body"))).isEqualTo("<p>hi</p>".getBytes(StandardCharsets.UTF_8));
    assertThat(d.getString("reason")).isEqualTo("body is binary (image/png)");
    assertThat(d.getInt64("offset")).isEqualTo(-1L);
    assertThat(bytes(d.get("value"))).containsExactly(1, 2);
  }

  @Test
  void shouldRefuseBytesThatAreNotNewsflowAvroAndSayWhatToUse() {
    byte[] json = "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> converter.toConnectData("news.enriched", json))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("news.enriched")
        .hasMessageContaining("C3 01")
        .hasMessageContaining("7b 22");
  }

  @Test
  void shouldRefuseAnUnknownFingerprintAndNameTheSettingThatFixesIt() {
    byte[] bytes = Records.encode(Records.article("a", 1, "t"));
    bytes[5] ^= 0x55;

    assertThatThrownBy(() -> converter.toConnectData("news.enriched", bytes))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("newer newsflow release")
        .hasMessageContaining("value.converter.schema.history.dir");
  }

  @Test
  void shouldRefuseATruncatedBody() {
    byte[] bytes = Records.encode(Records.article("a", 1, "a title that will be cut"));
    byte[] cut = Arrays.copyOf(bytes, 20);

    assertThatThrownBy(() -> converter.toConnectData("news.enriched", cut))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("corrupt");
  }

  @Test
  void shouldDecodeInterleavedVersionsAndGoOnAfterACorruptRecord() {
    List<Schema> versions = history("EnrichedArticle");
    byte[] good = Records.encode(Records.article("new", 3, "Newest"));
    byte[] cut = Arrays.copyOf(good, good.length / 2);

    for (int round = 0; round < 2; round++) {
      for (Schema old : versions) {
        byte[] bytes = Records.encodeAs(Records.article("old", 1, "From " + old.hashCode()), old);
        Struct s = (Struct) converter.toConnectData("news.enriched", bytes).value();
        s.validate();
        assertThat(s.getString("title")).isEqualTo("From " + old.hashCode());
      }
      assertThatThrownBy(() -> converter.toConnectData("news.enriched", cut))
          .isInstanceOf(DataException.class);
      Struct s = (Struct) converter.toConnectData("news.enriched", good).value();
      s.validate();
      assertThat(s.getString("title")).isEqualTo("Newest");
      assertThat(s.getInt32("version")).isEqualTo(3);
      assertThat(s.getArray("topics")).hasSize(1);
    }
  }

  @Test
  void shouldAskForTheRegistryUrlWhenAValueIsRegistryFramed() {
    byte[] framed = {0, 0, 0, 0, 42, 2, 'a'};

    assertThatThrownBy(() -> converter.toConnectData("news.enriched", framed))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("schema id 42")
        .hasMessageContaining("value.converter.schema.registry.url");
  }

  @Test
  void shouldNameTheRegistryWhenItCannotGiveTheSchema() throws IOException {
    String url;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      url = "http://127.0.0.1:" + s.getLocalPort() + "/apis/registry/v3";
    }
    NewsflowAvroConverter withRegistry =
        configured(
            Map.of(
                NewsflowAvroConverter.REGISTRY_URL_CONFIG,
                url,
                "apicurio.registry.retry-count",
                "1"));
    byte[] framed = {0, 0, 0, 0, 42, 2, 'a'};

    assertThatThrownBy(() -> withRegistry.toConnectData("news.enriched", framed))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("schema id 42")
        .hasMessageContaining(url);
    withRegistry.close();
  }

  @Test
  void shouldReadWithAHistoryFolderFromDiskIntoItsNewestVersion(@TempDir Path dir)
      throws IOException {
    Schema v1 = history("EnrichedArticle").get(0);
    Path folder = Files.createDirectories(dir.resolve("EnrichedArticle"));
    Files.writeString(folder.resolve("index.txt"), "# only the first\nv1.avsc\n");
    Files.writeString(folder.resolve("v1.avsc"), v1.toString(true));
    NewsflowAvroConverter fromDisk =
        configured(Map.of(NewsflowAvroConverter.HISTORY_DIR_CONFIG, dir.toString()));

    SchemaAndValue got =
        fromDisk.toConnectData(
            "news.enriched", Records.encodeAs(Records.article("d", 1, "Disk"), v1));

    assertThat(got.schema().version()).isEqualTo(1);
    assertThat(got.schema().field("canonicalUrl")).isNull();
    assertThat(((Struct) got.value()).getString("title")).isEqualTo("Disk");
    assertThatThrownBy(
            () ->
                fromDisk.toConnectData(
                    "news.enriched", Records.encode(Records.article("n", 1, "New"))))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(dir.toString());
  }

  @Test
  void shouldNotPretendToWrite() {
    EnrichedArticle a = Records.article("a", 1, "t");
    Struct s = (Struct) converter.toConnectData("x", Records.encode(a)).value();

    assertThat(converter.fromConnectData("x", null, null)).isNull();
    assertThatThrownBy(() -> converter.fromConnectData("x", s.schema(), s))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("only reads");
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] b) {
      return b;
    }
    ByteBuffer buf = ((ByteBuffer) value).duplicate();
    byte[] out = new byte[buf.remaining()];
    buf.get(out);
    return out;
  }

  private static int historySize(String type) {
    return history(type).size();
  }

  static List<Schema> history(String type) {
    String dir = "/avro-history/" + type + "/";
    try (InputStream index =
        NewsflowAvroConverterTest.class.getResourceAsStream(dir + "index.txt")) {
      return new String(index.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(
              l -> {
                try (InputStream in =
                    NewsflowAvroConverterTest.class.getResourceAsStream(dir + l.strip())) {
                  return new Schema.Parser().parse(in);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
