package io.newsflow.sink.file;

import static io.newsflow.sink.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.AvroCodec;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.sink.ArticleJson;
import io.newsflow.sink.ArticleWriter.Outcome;
import io.newsflow.sink.SinkBatch;
import io.newsflow.sink.jsonl.JsonlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.AvroTypeException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
  static final TopicPartition P0 = new TopicPartition("news.enriched", 0);
  static final TopicPartition P1 = new TopicPartition("news.enriched", 1);

  @Test
  void shouldPublishASegmentOnlyOnceItIsCommittedAndRecordTheOffsetsItCovers(@TempDir Path dir)
      throws Exception {
    try (FileSink sink = new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE))) {
      sink.write(batch(P0, 0, article("a", 1, "A"), article("b", 1, "B")));
      sink.write(batch(P1, 7, article("c", 1, "C")));
      assertThat(published(dir)).isEmpty();
      assertThat(sink.storedPositions()).contains(Map.of());

      sink.flush();

      assertThat(published(dir)).containsExactly("part-00000001.jsonl");
      assertThat(ids(dir.resolve("segments/part-00000001.jsonl"))).containsExactly("a", "b", "c");
      assertThat(sink.storedPositions()).contains(Map.of(P0, 2L, P1, 8L));
      Manifest.Entry e = Manifest.read(dir.resolve("segments/manifest.jsonl")).get(0);
      assertThat(e.records()).isEqualTo(3);
      assertThat(e.ranges())
          .containsExactlyInAnyOrder(
              new Manifest.Range("news.enriched", 0, 0, 2),
              new Manifest.Range("news.enriched", 1, 7, 8));
    }
  }

  @Test
  void shouldRollBySizeAndByTime(@TempDir Path dir) throws Exception {
    try (FileSink sink =
        new FileSink(new FileSinkSettings(dir, FileFormat.JSONL, 1, Duration.ofMinutes(5), true))) {
      sink.write(batch(P0, 0, article("a", 1, "A")));
      sink.write(batch(P0, 1, article("b", 1, "B")));
    }
    assertThat(published(dir)).containsExactly("part-00000001.jsonl", "part-00000002.jsonl");

    try (FileSink sink =
        new FileSink(
            new FileSinkSettings(
                dir, FileFormat.JSONL, Long.MAX_VALUE, Duration.ofMinutes(5), true))) {
      sink.write(batch(P0, 2, article("c", 1, "C")));
      sink.tick(Instant.now().plusSeconds(60));
      assertThat(published(dir)).hasSize(2);
      sink.tick(Instant.now().plus(Duration.ofMinutes(6)));
      assertThat(published(dir)).hasSize(3);
      assertThat(sink.storedPositions()).contains(Map.of(P0, 3L));
    }
  }

  @Test
  void shouldFinishACommittedRenameAndDropUncommittedWorkAfterACrash(@TempDir Path dir)
      throws Exception {
    try (FileSink sink = new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE))) {
      sink.write(batch(P0, 0, article("a", 1, "A")));
      sink.flush();
      sink.write(batch(P0, 1, article("b", 1, "B")));
      sink.flush();
    }
    Path segments = dir.resolve("segments");
    // crash 1: after the manifest line of segment 2, before its rename
    Files.move(
        segments.resolve("part-00000002.jsonl"),
        segments.resolve(".part-00000002.jsonl.inprogress"));
    // crash 2: an in-progress segment 3 that never reached the manifest, and a torn manifest line
    Files.writeString(segments.resolve(".part-00000003.jsonl.inprogress"), "{\"id\":\"c\"}\n");
    Files.write(
        segments.resolve(Manifest.FILE),
        "{\"seq\":3,\"fi".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    try (FileSink sink = new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE))) {
      assertThat(published(dir)).containsExactly("part-00000001.jsonl", "part-00000002.jsonl");
      assertThat(sink.storedPositions()).contains(Map.of(P0, 2L));
      sink.write(batch(P0, 2, article("c", 1, "C")));
    }
    assertThat(published(dir))
        .containsExactly("part-00000001.jsonl", "part-00000002.jsonl", "part-00000003.jsonl");
    try (Stream<Path> files = Files.list(segments)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.endsWith(FileSink.IN_PROGRESS));
    }
  }

  @Test
  void shouldKeepOneLinePerIdInTheViewWhileSegmentsKeepEveryRecord(@TempDir Path dir)
      throws Exception {
    try (FileSink sink = new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE))) {
      assertThat(sink.write(batch(P0, 0, article("a", 1, "A"), article("a", 2, "A2"))))
          .containsExactly(Outcome.WRITTEN, Outcome.REPLACED);
      assertThat(sink.write(batch(P0, 2, article("a", 2, "A2"))))
          .containsExactly(Outcome.DUPLICATE);
    }
    assertThat(ids(dir.resolve(JsonlWriter.FILE))).containsExactly("a");
    List<String> view = Files.readAllLines(dir.resolve(JsonlWriter.FILE));
    assertThat(ArticleJson.MAPPER.readTree(view.get(0)).path("version").asInt()).isEqualTo(2);
    assertThat(ids(dir.resolve("segments/part-00000001.jsonl"))).containsExactly("a", "a", "a");
  }

  @Test
  void shouldDropATakenDownArticleFromTheViewAndMarkItInTheSegment(@TempDir Path dir)
      throws Exception {
    try (FileSink sink = new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE))) {
      sink.write(batch(P0, 0, article("a", 1, "A"), article("b", 1, "B")));
      sink.write(new SinkBatch(List.of(), List.of("a"), Map.of(P0, 2L), Map.of(P0, 3L)));
    }
    assertThat(ids(dir.resolve(JsonlWriter.FILE))).containsExactly("b");
    List<String> segment = Files.readAllLines(dir.resolve("segments/part-00000001.jsonl"));
    assertThat(segment).hasSize(3).last().isEqualTo("{\"id\":\"a\",\"deleted\":true}");
  }

  @Test
  void shouldWriteAvroContainerFilesThatReadBackAsArticles(@TempDir Path dir) throws Exception {
    try (FileSink sink =
        new FileSink(
            new FileSinkSettings(
                dir, FileFormat.AVRO, Long.MAX_VALUE, Duration.ofMinutes(1), false))) {
      sink.write(batch(P0, 0, article("a", 1, "Ä text"), article("b", 1, "B")));
    }
    assertThat(published(dir)).containsExactly("part-00000001.avro");
    assertThat(dir.resolve(JsonlWriter.FILE)).doesNotExist();
    AvroCodec.of(
        EnrichedArticle
            .class); // allows our generated classes in Avro's reader (PLATFORM.md trap 2)
    List<String> read = new ArrayList<>();
    try (DataFileReader<EnrichedArticle> r =
        new DataFileReader<>(
            dir.resolve("segments/part-00000001.avro").toFile(),
            new SpecificDatumReader<>(EnrichedArticle.class))) {
      r.forEach(a -> read.add(a.getId() + ":" + a.getText()));
    }
    assertThat(read).containsExactly("a:Ä text", "b:B");
  }

  @Test
  void shouldRecordATakeDownInAnAvroSegmentAfterTheArticlesOfItsBatch(@TempDir Path dir)
      throws Exception {
    Instant tombstoneAt = Instant.parse("2026-11-21T08:00:00.123Z");
    try (FileSink sink = new FileSink(avro(dir))) {
      sink.write(batch(P0, 0, article("a", 1, "A")));
      sink.write(
          new SinkBatch(
              List.of(article("b", 1, "B")),
              List.of("a"),
              Map.of(P0, 1L),
              Map.of(P0, 3L),
              Map.of("a", tombstoneAt)));
    }
    assertThat(Manifest.read(dir.resolve("segments/manifest.jsonl")).get(0).records()).isEqualTo(3);

    // a plain Avro reader with the file's own schema, no newsflow class involved
    List<String> read = new ArrayList<>();
    try (DataFileReader<GenericRecord> r =
        new DataFileReader<>(
            dir.resolve("segments/part-00000001.avro").toFile(), new GenericDatumReader<>())) {
      for (GenericRecord g : r) {
        String kind = g.getSchema().getName();
        read.add(
            kind.equals("ArticleRemoved")
                ? "removed "
                    + g.get("id")
                    + " at "
                    + Instant.ofEpochMilli((Long) g.get("removedAt"))
                : "article " + g.get("id"));
      }
    }
    assertThat(read).containsExactly("article a", "article b", "removed a at " + tombstoneAt);
  }

  @Test
  void shouldLetAReaderPinnedToEnrichedArticleReadArticlesButNotSkipARemovalSilently(
      @TempDir Path dir) throws Exception {
    try (FileSink sink = new FileSink(avro(dir))) {
      sink.write(batch(P0, 0, article("a", 1, "A")));
      sink.flush();
      sink.write(new SinkBatch(List.of(), List.of("a"), Map.of(P0, 1L), Map.of(P0, 2L)));
    }
    AvroCodec.of(EnrichedArticle.class); // allows our generated classes (PLATFORM.md trap 2)
    try (DataFileReader<EnrichedArticle> r = pinned(dir.resolve("segments/part-00000001.avro"))) {
      assertThat(r.next().getId()).isEqualTo("a");
      assertThat(r.hasNext()).isFalse();
    }
    try (DataFileReader<EnrichedArticle> r = pinned(dir.resolve("segments/part-00000002.avro"))) {
      assertThatThrownBy(r::next).isInstanceOf(AvroTypeException.class);
    }
  }

  @Test
  void shouldRecordOffsetsOfABatchThatHeldOnlyDeadLetters(@TempDir Path dir) throws Exception {
    try (FileSink sink = new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE))) {
      sink.write(new SinkBatch(List.of(), Map.of(P0, 5L), Map.of(P0, 6L)));
    }
    assertThat(published(dir)).isEmpty();
    try (FileSink sink = new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE))) {
      assertThat(sink.storedPositions()).contains(Map.of(P0, 6L));
    }
  }

  @Test
  void shouldTellWhenItLastCommittedASegmentEvenAfterARestart(@TempDir Path dir) throws Exception {
    Instant committedAt;
    try (FileSink sink = new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE))) {
      assertThat(sink.committedAt(P0)).isEmpty();
      sink.write(batch(P0, 0, article("a", 1, "A")));
      assertThat(sink.committedAt(P0)).as("written, not committed").isEmpty();
      sink.flush();
      String line = Manifest.read(dir.resolve("segments/manifest.jsonl")).get(0).committedAt();
      committedAt = Instant.parse(line);
      // one segment holds every partition's pending records, so its time bounds them all
      assertThat(sink.committedAt(P0)).contains(committedAt);
      assertThat(sink.committedAt(P1)).contains(committedAt);
    }
    try (FileSink sink = new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE))) {
      assertThat(sink.committedAt(P0)).contains(committedAt);
    }
  }

  @Test
  void shouldRefuseASecondSinkOnTheSameFolder(@TempDir Path dir) throws Exception {
    try (FileSink sink = new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE))) {
      assertThatThrownBy(() -> new FileSink(settings(dir, FileFormat.JSONL, Long.MAX_VALUE)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("another sink");
    }
  }

  static FileSinkSettings avro(Path dir) {
    return new FileSinkSettings(dir, FileFormat.AVRO, Long.MAX_VALUE, Duration.ofMinutes(5), false);
  }

  /** A reader of old segments: reader schema EnrichedArticle, whatever the file's schema. */
  static DataFileReader<EnrichedArticle> pinned(Path file) throws IOException {
    return new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(EnrichedArticle.class));
  }

  static FileSinkSettings settings(Path dir, FileFormat format, long rollBytes) {
    return new FileSinkSettings(dir, format, rollBytes, Duration.ofMinutes(5), true);
  }

  static SinkBatch batch(TopicPartition tp, long first, EnrichedArticle... articles) {
    return new SinkBatch(List.of(articles), Map.of(tp, first), Map.of(tp, first + articles.length));
  }

  static List<String> published(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("segments"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("part-"))
          .sorted()
          .toList();
    }
  }

  static List<String> ids(Path jsonl) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      ids.add(ArticleJson.MAPPER.readTree(line).path("id").asText());
    }
    return ids;
  }
}
