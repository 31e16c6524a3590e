package io.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What registry mode does without a registry server: which format is written, that single-object
 * records stay readable, and that a registry that cannot be reached is a clear error. The round
 * trip through a real registry is {@link RegistryServerIT}.
 */
class RegistryModeTest {
  @AfterEach
  void backToSingleObject() {
    AvroSerde.use(null);
  }

  private static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setStage("extract")
        .setReason("body is binary")
        .setFailedAt(Instant.parse("2026-11-21T05:00:00Z"))
        .setValue(ByteBuffer.wrap(new byte[] {1, 2}))
        .build();
  }

  @Test
  void shouldWriteSingleObjectEncodingWhenNoRegistryIsSet() {
    byte[] bytes = Topics.DLQ.valueSerde().serializer().serialize("news.dlq", deadLetter());

    assertThat(AvroSerde.format()).isNull();
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
  }

  @Test
  void shouldTellWhatToSetWhenARegistryFramedValueArrivesWithoutRegistryMode() {
    byte[] framed = {0, 0, 0, 0, 7, 2, 'a'};

    assertThatThrownBy(() -> Topics.DLQ.valueSerde().deserializer().deserialize("news.dlq", framed))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldStillReadSingleObjectRecordsInRegistryMode() throws IOException {
    byte[] old = Topics.DLQ.valueSerde().serializer().serialize("news.dlq", deadLetter());
    AvroSerde.use(new RegistryValueFormat(unusedPortUrl(), Map.of()));

    DeadLetter read = Topics.DLQ.valueSerde().deserializer().deserialize("news.dlq", old);

    assertThat(read).isEqualTo(deadLetter());
  }

  @Test
  void shouldFailAWriteWithTheRegistryUrlWhenTheRegistryCannotBeReached() throws IOException {
    String url = unusedPortUrl();
    AvroSerde.use(
        new RegistryValueFormat(
            url,
            Map.of("apicurio.registry.retry-count", 1, "apicurio.registry.retry-backoff-ms", 10)));
    long start = System.nanoTime();

    assertThatThrownBy(
            () -> Topics.DLQ.valueSerde().serializer().serialize("news.dlq", deadLetter()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(url)
        .hasMessageContaining("schema.registry.url");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void shouldRefuseAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> new RegistryValueFormat("localhost:8080", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://localhost:8080/apis/registry/v3");
  }

  @Test
  void shouldReadTheSchemaIdBigEndianAfterTheMagicByte() {
    assertThat(RegistryValueFormat.schemaId(new byte[] {0, 0, 0, 1, 2})).isEqualTo(258);
  }

  /** The URL of a port nothing listens on. */
  private static String unusedPortUrl() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort() + "/apis/registry/v3";
    }
  }
}
