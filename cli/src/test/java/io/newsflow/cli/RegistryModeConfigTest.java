package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.AvroSerde;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryModeConfigTest {
  @AfterEach
  void backToSingleObject() {
    AvroSerde.use(null);
  }

  private static NewsflowConfig config(Map<String, String> env, Map<String, Object> flags) {
    return NewsflowConfig.load(null, env, new HashMap<>(flags));
  }

  @Test
  void shouldKeepSingleObjectEncodingWithoutARegistryUrl() {
    CommonOptions.useValueFormat(config(Map.of(), Map.of()));

    assertThat(AvroSerde.format()).isNull();
  }

  @Test
  void shouldSwitchToRegistryModeFromTheEnvironment() {
    CommonOptions.useValueFormat(
        config(
            Map.of("NEWSFLOW_SCHEMA_REGISTRY_URL", "http://registry.example:8080/apis/registry/v3"),
            Map.of()));

    assertThat(AvroSerde.format()).isNotNull();
    assertThat(AvroSerde.format().describe())
        .contains("http://registry.example:8080/apis/registry/v3");
  }

  @Test
  void shouldExplainAUrlThatIsNotOne() {
    NewsflowConfig bad = config(Map.of(), Map.of("schema.registry.url", "registry:8080"));

    assertThatThrownBy(() -> CommonOptions.useValueFormat(bad))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("schema.registry.url must be an http(s) URL");
  }
}
