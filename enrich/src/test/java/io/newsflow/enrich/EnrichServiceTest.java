package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.topology.EnrichSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setting up the enrich service; nothing here needs a broker. */
class EnrichServiceTest {
  @TempDir Path dataDir;

  @Test
  void shouldLetASecondInstanceStartOnTheSameDataFolderSinceNoStateIsKeptOnDisk() {
    // every store is rebuilt from its changelog at each start (the learner's in memory, the story
    // window in the step's heap), so Kafka Streams keeps nothing in the state folder and does not
    // lock it: two instances started from one folder both run and share the work
    Map<String, Object> props =
        Map.of(
            "bootstrap.servers", "localhost:1", "state.dir", dataDir.resolve("streams").toString());
    try (EnrichService first = new EnrichService(props, EnrichSettings.defaults());
        EnrichService second = new EnrichService(props, EnrichSettings.defaults())) {
      assertThat(List.of(first.state(), second.state()))
          .containsOnly(org.apache.kafka.streams.KafkaStreams.State.CREATED);
      assertThat(dataDir.resolve("streams").resolve(EnrichService.DEFAULT_APPLICATION_ID))
          .as("no state of enrich on disk")
          .doesNotExist();
    }
  }
}
