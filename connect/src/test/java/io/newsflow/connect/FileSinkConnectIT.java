package io.newsflow.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testkit.KafkaFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
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
  private Connect<StandaloneHerder> connect;
  private String bootstrap;
  private String topic;

  @BeforeEach
  void startWorker() throws Exception {
    bootstrap = KafkaFixture.shared().bootstrapServers();
    topic = "news.enriched." + UUID.randomUUID().toString().substring(0, 8);
    createTopic(topic);
    Map<String, String> worker = shipped("worker-standalone.properties");
    worker.put("bootstrap.servers", bootstrap);
    worker.put("offset.storage.file.filename", dir.resolve("offsets").toString());
    worker.put("listeners", "http://127.0.0.1:0");
    worker.remove("plugin.path"); // the converter and connector are on the test class path
    connect = new ConnectStandalone().startConnect(worker);
  }

  @AfterEach
  void stopWorker() {
    if (connect != null) {
      connect.stop();
      connect.awaitStop();
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
    produce(records);
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
    produce(
        List.of(
            record("a", Records.encode(article("a", 1))),
            record("junk", "{\"id\":\"junk\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    Path out = dir.resolve("enriched.txt");

    startSink(out);
    ConnectorStateInfo.TaskState task = awaitTaskState("FAILED");

    assertThat(task.trace()).contains("is not newsflow's Avro single-object encoding");
    // Connect converts a whole poll before the sink sees it: nothing of that batch is written,
    // and as its offsets are not committed, it is all read again once the task is restarted.
    assertThat(Files.exists(out) ? Files.readAllLines(out) : List.<String>of())
        .noneMatch(l -> l.contains("junk"));
  }

  private void startSink(Path out) throws Exception {
    Map<String, String> sink = shipped("file-sink.properties");
    sink.put("topics", topic);
    sink.put("file", out.toString());
    sink.put("consumer.override.auto.offset.reset", "earliest");
    FutureCallback<
            org.apache.kafka.connect.runtime.Herder.Created<
                org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>>
        created = new FutureCallback<>();
    connect.herder().putConnectorConfig(sink.get("name"), sink, false, created);
    created.get(60, TimeUnit.SECONDS);
  }

  private ConnectorStateInfo.TaskState awaitTaskState(String state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      ConnectorStateInfo info = connect.herder().connectorStatus("newsflow-file-sink");
      for (ConnectorStateInfo.TaskState t : info.tasks()) {
        if (state.equals(t.state())) {
          return t;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no task reached " + state);
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

  private void produce(List<ProducerRecord<String, byte[]>> records) throws Exception {
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (ProducerRecord<String, byte[]> r : records) {
        p.send(r).get(30, TimeUnit.SECONDS);
      }
    }
  }

  private void createTopic(String name) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(Set.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      // PLATFORM.md trap 1: produce only once the partition answers
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        try {
          admin
              .listOffsets(Map.of(new TopicPartition(name, 0), OffsetSpec.latest()))
              .all()
              .get(5, TimeUnit.SECONDS);
          return;
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(100);
        }
      }
    }
  }

  /** A config file shipped in connect/config/, as a mutable map. */
  private static Map<String, String> shipped(String file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("config", file))) {
      p.load(in);
    }
    return p.stringPropertyNames().stream()
        .collect(Collectors.toMap(k -> k, p::getProperty, (a, b) -> a, HashMap::new));
  }
}
