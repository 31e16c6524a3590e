package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.PageKind;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.Via;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** Pages that are not news go to news.pages, not to the news topics, unless the user opts in. */
class PageRoutingTest {
  private static final String STORY =
      "<p>The council voted on Tuesday to rebuild the sovereignty of the harbour's sea wall after"
          + " the winter storms, the mayor said.</p><p>Work starts in the spring and will take"
          + " two years, with the ferry running from a temporary pier in the meantime.</p>";
  private static final String ARTICLE =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
          + "\"Council to rebuild sea wall\",\"datePublished\":\"2026-11-20\"}</script></head>"
          + "<body><article><h1>Council to rebuild sea wall</h1>"
          + STORY
          + "</article></body></html>";
  private static final String PRODUCT =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":"
          + "\"Harbour tour ticket\"}</script></head><body><h1>Harbour tour ticket</h1>"
          + "<p>A one-hour boat tour of the harbour, daily at ten.</p></body></html>";

  @Test
  void shouldSendAProductPageToNewsPagesAndAnArticleToNewsEnriched() {
    try (Harness h = new Harness(EnrichSettings.defaults())) {
      h.send("art-1", ARTICLE);
      h.send("prod-1", PRODUCT);

      assertThat(h.enriched.readKeyValuesToList())
          .extracting(kv -> kv.key + "=" + kv.value.getPageKind())
          .containsExactly("art-1=article");
      assertThat(h.pages.readKeyValuesToList())
          .extracting(kv -> kv.key + "=" + kv.value.getPageKind())
          .containsExactly("prod-1=other");
      assertThat(h.latest.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("art-1");
    }
  }

  @Test
  void shouldPublishEveryKindAsNewsWhenTheUserOptsIn() {
    EnrichSettings all = EnrichSettings.defaults().withNewsKinds(EnumSet.allOf(PageKind.class));
    try (Harness h = new Harness(all)) {
      h.send("prod-1", PRODUCT);

      assertThat(h.enriched.readKeyValuesToList())
          .extracting(kv -> kv.key + "=" + kv.value.getPageKind())
          .containsExactly("prod-1=other");
      assertThat(h.pages.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldNameThePagesRoute() {
    String description =
        EnrichTopology.build(new StreamsBuilder(), EnrichSettings.defaults()).describe().toString();
    assertThat(description).contains("write-pages", "route-kind-news", "route-kind-pages");
  }

  private static final class Harness implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> raw;
    final TestOutputTopic<String, EnrichedArticle> enriched;
    final TestOutputTopic<String, EnrichedArticle> pages;
    final TestOutputTopic<String, EnrichedArticle> latest;

    Harness(EnrichSettings settings) {
      driver = EnrichDrivers.start("pages-test", settings);
      raw = EnrichDrivers.raw(driver);
      enriched = EnrichDrivers.output(driver, Topics.ENRICHED);
      pages = EnrichDrivers.output(driver, Topics.PAGES);
      latest = EnrichDrivers.output(driver, Topics.ARTICLES);
    }

    void send(String id, String html) {
      RawArticle a =
          RawArticle.newBuilder()
              .setId(id)
              .setSource("https://harbour.example/" + id)
              .setVia(Via.REPLAY)
              .setFetchedAt(Instant.ofEpochMilli(0))
              .setContentType("text/html")
              .setCharset("UTF-8")
              .setBody(ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)))
              .build();
      raw.pipeInput(id, Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), a));
    }

    @Override
    public void close() {
      driver.close();
    }
  }
}
