package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    assertThatThrownBy(
            () ->
                OutletsFile.parse(
                    "- name: a\n  feeds: https://a.example/\n  language: english\n", "o.yaml"))
        .hasMessageContaining("(a)")
        .hasMessageContaining("language 'english' is not a language tag");
    assertThatThrownBy(
            () ->
                OutletsFile.parse(
                    "- name: a\n  feeds: https://a.example/\n  language: pt_BR\n", "o.yaml"))
        .hasMessageContaining("language 'pt_BR'");
  }

  @Test
  void shouldKeepTheLanguageTagAsGiven() {
    assertThat(
            OutletsFile.parse(
                    "- name: a\n  feeds: https://a.example/\n  language: pt-BR\n", "o.yaml")
                .get(0)
                .language())
        .isEqualTo("pt-BR");
  }
}
