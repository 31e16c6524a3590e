package io.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Registry mode against a real Apicurio Registry (in-memory storage) in a container. Needs Docker;
 * where there is none (this project's CI machine) it is skipped with that reason, since no registry
 * server runs here without one (see docs/subscribing.md).
 */
class RegistryServerIT {
  private static GenericContainer<?> registry;

  @BeforeAll
  static void start() {
    assumeTrue(
        DockerClientFactory.instance().isDockerAvailable(),
        "no Docker engine: a real schema registry cannot run here, so registry mode's round trip"
            + " is not tested on this machine");
    registry =
        new GenericContainer<>("apicurio/apicurio-registry:3.1.7")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/apis/registry/v3/system/info").forStatusCode(200));
    registry.start();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.stop();
    }
  }

  @AfterEach
  void backToSingleObject() {
    AvroSerde.use(null);
  }

  private static String base() {
    return "http://" + registry.getHost() + ":" + registry.getMappedPort(8080);
  }

  @Test
  void shouldWriteTheWireFormatRegisterTheSchemaAndReadItBack() throws Exception {
    AvroSerde.use(new RegistryValueFormat(base() + "/apis/registry/v3", Map.of()));
    DeadLetter dead =
        DeadLetter.newBuilder()
            .setStage("extract")
            .setReason("body is binary")
            .setFailedAt(Instant.parse("2026-11-21T05:00:00Z"))
            .setValue(ByteBuffer.wrap(new byte[] {1, 2}))
            .build();

    byte[] bytes = Topics.DLQ.valueSerde().serializer().serialize("news.dlq", dead);
    DeadLetter read = Topics.DLQ.valueSerde().deserializer().deserialize("news.dlq", bytes);

    assertThat(bytes[0]).isZero();
    assertThat(read).isEqualTo(dead);
    int id = RegistryValueFormat.schemaId(bytes);
    HttpResponse<String> confluent =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/apis/ccompat/v7/schemas/ids/" + id))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(confluent.statusCode()).isEqualTo(200);
    assertThat(confluent.body()).contains("DeadLetter");
  }
}
