package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.fetch.Validators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutletsFileTest {
  @Test
  void shouldReadYamlWithDefaults() {
    String yaml =
        """
        defaults:
          pollInterval: 10m
          language: en
        outlets:
          - name: daily
            feeds: https://daily.example/rss.xml
            sitemaps: [https://daily.example/sitemap.xml]
            include: ["/20\\\\d\\\\d/"]
            exclude: ["/video/"]
          - name: weekly
            pages: [https://weekly.example/world/]
            pollInterval: 1h
            language: es
        """;
    List<Outlet> outlets = OutletsFile.parse(yaml, "outlets.yaml");
    assertThat(outlets).extracting(Outlet::name).containsExactly("daily", "weekly");
    Outlet daily = outlets.get(0);
    assertThat(daily.pollInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(daily.language()).isEqualTo("en");
    assertThat(daily.accepts("https://daily.example/2026/03/a")).isTrue();
    assertThat(daily.accepts("https://daily.example/video/2026/a")).isFalse();
    assertThat(daily.accepts("https://daily.example/about")).isFalse();
    assertThat(outlets.get(1).pollInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(outlets.get(1).allowPrivateAddresses()).isFalse();
  }

  @Test
  void shouldReadJsonListsToo() {
    String json =
        "[{\"name\": \"a\", \"feeds\": [\"https://a.example/feed\"], \"pollInterval\": \"PT2M\"}]";
    assertThat(OutletsFile.parse(json, "outlets.json").get(0).pollInterval())
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void shouldNameTheOutletAndKeyOfEveryMistake() {
    assertThatThrownBy(() -> OutletsFile.parse("- name: a\n  feed: https://a.example/\n", "o.yaml"))
        .hasMessageContaining("outlet #1")
        .hasMessageContaining("unknown key 'feed'");
    assertThatThrownBy(() -> OutletsFile.parse("- name: a\n", "o.yaml"))
        .hasMessageContaining("at least one of feeds");
    assertThatThrownBy(
            () -> OutletsFile.parse("- name: a\n  feeds: [ftp://a.example/]\n", "o.yaml"))
        .hasMessageContaining("(a) feeds")
        .hasMessageContaining("not an absolute http(s) URL");
    assertThatThrownBy(
            () ->
                OutletsFile.parse(
                    "- name: a\n  feeds: [https://a.example/]\n  pollInterval: often\n", "o.yaml"))
        .hasMessageContaining("not a duration");
    assertThatThrownBy(
            () ->
                OutletsFile.parse(
                    "- {name: a, feeds: https://a.example/}\n- {name: a, pages: https://a.example/}\n",
                    "o.yaml"))
        .hasMessageContaining("used twice");
    assertThatThrownBy(
            () ->
                OutletsFile.parse(
                    "- name: a\n  feeds: https://a.example/\n  include: ['(']\n", "o.yaml"))
        .hasMessageContaining("not a regular expression");
  }

  @Test
  void shouldKeepSeenArticlesAndValidatorsAcrossReopens(@TempDir Path dir) throws Exception {
    try (SeenStore store = SeenStore.open(dir)) {
      store.article("id1", 1, 1000, false);
      store.source("https://a.example/feed", new Validators("\"e1\"", null));
      store.persist(store.drain());
      store.article(
          "id2", 1, 0, false); // recorded but never persisted: as after a crash before the flush
    }
    try (SeenStore store = SeenStore.open(dir)) {
      assertThat(store.article("id1")).isEqualTo(new SeenStore.Seen(1, 1000, false));
      assertThat(store.article("id2")).isNull();
      assertThat(store.validators("https://a.example/feed").etag()).isEqualTo("\"e1\"");
      store.article("id1", 2, 2000, false);
      store.persist(store.drain());
    }
    try (SeenStore store = SeenStore.open(dir)) {
      assertThat(store.article("id1").version()).isEqualTo(2);
    }
  }
}
