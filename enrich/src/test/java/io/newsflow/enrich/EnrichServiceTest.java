package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.enrich.topology.EnrichSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setting up the enrich service; nothing here needs a broker. */
class EnrichServiceTest {
  @TempDir Path dataDir;

  @Test
  void shouldSayToGiveEachInstanceItsOwnDataDirWhenTheStateFolderIsTaken() {
    Map<String, Object> props =
        Map.of(
            "bootstrap.servers", "localhost:1", "state.dir", dataDir.resolve("streams").toString());
    try (EnrichService first = new EnrichService(props, EnrichSettings.defaults())) {
      assertThatThrownBy(() -> new EnrichService(props, EnrichSettings.defaults()))
          .isInstanceOf(EnrichService.StateDirectoryInUseException.class)
          .hasMessageContaining(dataDir.resolve("streams").toString())
          .hasMessageContaining("--data-dir");
    }
    assertThat(new EnrichService(props, EnrichSettings.defaults()))
        .as("the folder is free again once the first instance closed")
        .satisfies(EnrichService::close);
  }
}
