package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void shouldNameOneTopicPerTag() {
    assertThat(Topics.forTag("sovereignty").name()).isEqualTo("news.topic.sovereignty");
    assertThat(Topics.forTag("intervention").name()).isEqualTo("news.topic.intervention");
  }

  @Test
  void shouldRefuseTagNamesThatAreNotValidTopicNames() {
    assertThatThrownBy(() -> Topics.forTag("Bad Name"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Topics.forTag("../x")).isInstanceOf(IllegalArgumentException.class);
  }
}
