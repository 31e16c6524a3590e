package io.newsflow.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real standalone Kafka Connect worker, in-process, configured by the shipped {@code
 * connect/config/worker-standalone.properties} (bootstrap servers and paths replaced; the plugins
 * are on the test class path), and the topic plumbing the end-to-end tests share.
 */
final class Worker implements AutoCloseable {
  private final String bootstrap;
  private final Connect<StandaloneHerder> connect;

  Worker(String bootstrap, Path dir) throws IOException {
    this.bootstrap = bootstrap;
    Map<String, String> worker = shipped("worker-standalone.properties");
    worker.put("bootstrap.servers", bootstrap);
    worker.put("offset.storage.file.filename", dir.resolve("offsets").toString());
    worker.put("listeners", "http://127.0.0.1:0");
    worker.remove("plugin.path"); // the converter and connectors are on the test class path
    connect = new ConnectStandalone().startConnect(worker);
  }

  /** Starts a connector from its settings; returns once the worker has accepted it. */
  void start(Map<String, String> connector) throws Exception {
    FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
    connect.herder().putConnectorConfig(connector.get("name"), connector, false, created);
    created.get(60, TimeUnit.SECONDS);
  }

  /** The first task of {@code connector} once it is in {@code state}. */
  ConnectorStateInfo.TaskState awaitTaskState(String connector, String state)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (ConnectorStateInfo.TaskState t : connect.herder().connectorStatus(connector).tasks()) {
        if (state.equals(t.state())) {
          return t;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no task of " + connector + " reached " + state);
  }

  /** The connector's and its tasks' states, with any failure's trace, for failure messages. */
  String status(String connector) {
    ConnectorStateInfo info = connect.herder().connectorStatus(connector);
    StringBuilder b = new StringBuilder(info.connector().state());
    for (ConnectorStateInfo.TaskState t : info.tasks()) {
      b.append("; task ").append(t.id()).append(' ').append(t.state());
      if (t.trace() != null) {
        b.append(": ").append(t.trace());
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }

  void produce(List<ProducerRecord<String, byte[]>> records) throws Exception {
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

  void createTopic(String name) throws Exception {
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
  static Map<String, String> shipped(String file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("config", file))) {
      p.load(in);
    }
    return p.stringPropertyNames().stream()
        .collect(Collectors.toMap(k -> k, p::getProperty, (a, b) -> a, HashMap::new));
  }
}
