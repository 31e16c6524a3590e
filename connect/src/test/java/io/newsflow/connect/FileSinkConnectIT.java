package io.newsflow.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testkit.KafkaFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Kafka Connect worker (standalone, in-process) runs Kafka's own file sink over a newsflow
 * topic on a real broker, configured by the files shipped in {@code connect/config/}, with
 * NewsflowAvroConverter as its value converter.
 */
class FileSinkConnectIT {
  private static final Pattern LINE = Pattern.compile("^Struct\\{id=([^,]+),.*");
  private static final Pattern VERSION = Pattern.compile(",version=(\\d+),");

  @TempDir Path dir;
  private Worker worker;
  private String topic;

  @BeforeEach
  void startWorker() throws Exception {
    worker = new Worker(KafkaFixture.shared().bootstrapServers(), dir);
    topic = "news.enriched." + UUID.randomUUID().toString().substring(0, 8);
    worker.createTopic(topic);
  }

  @AfterEach
  void stopWorker() {
    if (worker != null) {
      worker.close();
    }
  }

  @Test
  void shouldWriteEveryArticleOnceWhateverSchemaVersionWroteIt() throws Exception {
    List<Schema> history = NewsflowAvroConverterTest.history("EnrichedArticle");
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) { // one article per shipped writer version
      records.add(
          record("old-" + (i + 1), Records.encodeAs(article("old-" + (i + 1), 1), history.get(i))));
    }
    records.add(record("a", Records.encode(article("a", 1))));
    records.add(record("a", Records.encode(article("a", 2)))); // a newer version of a
    records.add(record("b", Records.encode(article("b", 1))));
    worker.produce(records);
    Path out = dir.resolve("enriched.txt");

    startSink(out);
    List<String> lines = awaitLines(out, records.size());

    Map<String, List<Integer>> versionsById = new HashMap<>();
    for (String line : lines) {
      Matcher id = LINE.matcher(line);
      Matcher version = VERSION.matcher(line);
      assertThat(id.matches()).as(line).isTrue();
      assertThat(version.find()).as(line).isTrue();
      versionsById
          .computeIfAbsent(id.group(1), k -> new ArrayList<>())
          .add(Integer.parseInt(version.group(1)));
      assertThat(line).contains("title=Title of " + id.group(1));
    }
    Map<String, List<Integer>> expected = new HashMap<>();
    for (int i = 1; i <= history.size(); i++) {
      expected.put("old-" + i, List.of(1));
    }
    expected.put("a", List.of(1, 2));
    expected.put("b", List.of(1));
    assertThat(versionsById).isEqualTo(expected);
  }

  @Test
  void shouldFailTheTaskWithTheConvertersReasonOnARecordThatIsNotNewsflowAvro() throws Exception {
    worker.produce(
        List.of(
            record("a", Records.encode(article("a", 1))),
            record("junk", "{\"id\":\"junk\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    Path out = dir.resolve("enriched.txt");

    startSink(out);
    ConnectorStateInfo.TaskState task = worker.awaitTaskState("newsflow-file-sink", "FAILED");

    assertThat(task.trace()).contains("is not newsflow's Avro single-object encoding");
    // Connect converts a whole poll before the sink sees it: nothing of that batch is written,
    // and as its offsets are not committed, it is all read again once the task is restarted.
    assertThat(Files.exists(out) ? Files.readAllLines(out) : List.<String>of())
        .noneMatch(l -> l.contains("junk"));
  }

  private void startSink(Path out) throws Exception {
    Map<String, String> sink = Worker.shipped("file-sink.properties");
    sink.put("topics", topic);
    sink.put("file", out.toString());
    sink.put("consumer.override.auto.offset.reset", "earliest");
    worker.start(sink);
  }

  private static List<String> awaitLines(Path file, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<String> lines = List.of();
    while (System.nanoTime() < deadline) {
      lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
      if (lines.size() >= count) {
        Thread.sleep(1500); // a record more than expected would show up here
        return Files.readAllLines(file);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("expected " + count + " lines, got " + lines);
  }

  private static io.newsflow.schemas.EnrichedArticle article(String id, int version) {
    return Records.article(id, version, "Title of " + id);
  }

  private ProducerRecord<String, byte[]> record(String key, byte[] value) {
    return new ProducerRecord<>(topic, key, value);
  }
}
