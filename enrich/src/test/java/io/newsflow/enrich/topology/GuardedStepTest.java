package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/** What a guarded step makes of a failure: the record's fault, or Kafka Streams' own. */
class GuardedStepTest {
  @Test
  void shouldDeadLetterARecordThePureStepThrowsOn() {
    try (Harness h =
        new Harness(
            v -> {
              throw new IllegalStateException("cannot parse " + v);
            })) {
      h.input.pipeInput("a1", "page".getBytes(StandardCharsets.UTF_8));

      java.util.List<DeadLetter> dead = h.dead();
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).getStage()).isEqualTo("test-step");
      assertThat(dead.get(0).getReason()).contains("cannot parse");
    }
  }

  @Test
  void shouldLeaveAStateStoreFailureToStreamsRecoveryInsteadOfDeadLetteringTheRecord() {
    try (Harness h =
        new Harness(
            v -> {
              throw new ProcessorStateException("store outlet-lines is closed");
            })) {
      assertThatThrownBy(() -> h.input.pipeInput("a1", "page".getBytes(StandardCharsets.UTF_8)))
          .hasRootCauseInstanceOf(ProcessorStateException.class);
      assertThat(h.dead()).as("no article is blamed for a store failure").isEmpty();
    }
  }

  /** A one-step topology: read bytes, run the step, dead letters to news.dlq. */
  private static final class Harness implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> input;

    Harness(java.util.function.Function<String, String> step) {
      StreamsBuilder b = new StreamsBuilder();
      b.stream("in", Consumed.with(Serdes.String(), Serdes.ByteArray()))
          .mapValues(bytes -> Carried.ok(new String(bytes, StandardCharsets.UTF_8), bytes))
          .processValues(
              () -> new GuardedStep<String, String>("test-step", (k, v, c) -> step.apply(v)))
          .filter((k, v) -> v.isDead())
          .mapValues(Carried::dead)
          .to(
              "news.dlq",
              Produced.with(Serdes.String(), io.newsflow.schemas.Topics.DLQ.valueSerde()));
      Properties p = new Properties();
      p.put(StreamsConfig.APPLICATION_ID_CONFIG, "guarded-step-test");
      p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      driver = new TopologyTestDriver(b.build(), p);
      input =
          driver.createInputTopic(
              "in", Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    java.util.List<DeadLetter> dead() {
      return driver
          .createOutputTopic(
              "news.dlq",
              Serdes.String().deserializer(),
              io.newsflow.schemas.Topics.DLQ.valueSerde().deserializer())
          .readValuesToList();
    }

    @Override
    public void close() {
      driver.close();
    }
  }
}
