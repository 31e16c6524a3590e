package io.newsflow.testkit;

import io.newsflow.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM: a Testcontainers {@code apache/kafka} container where a
 * Docker engine runs, otherwise the in-process KRaft broker. The same integration tests run in both
 * places. Started lazily, stopped at JVM exit.
 */
public final class KafkaFixture {
  static final String IMAGE = "apache/kafka:4.3.1";
  private static KafkaFixture shared;

  private final String bootstrapServers;
  private final String kind;

  private KafkaFixture(String bootstrapServers, String kind) {
    this.bootstrapServers = bootstrapServers;
    this.kind = kind;
  }

  /** The JVM-wide broker, started on first use. */
  public static synchronized KafkaFixture shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** "testcontainers" or "embedded": which kind of broker the tests ran against. */
  public String kind() {
    return kind;
  }

  private static KafkaFixture start() {
    if (!"embedded".equals(System.getenv("NEWSFLOW_TEST_BROKER")) && dockerAvailable()) {
      KafkaContainer container = new KafkaContainer(IMAGE);
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
      return new KafkaFixture(container.getBootstrapServers(), "testcontainers");
    }
    try {
      Path dir = Files.createTempDirectory("newsflow-it-broker");
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, Map.of(), Duration.ofSeconds(60));
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-broker-stop"));
      return new KafkaFixture(broker.bootstrapServers(), "embedded");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
