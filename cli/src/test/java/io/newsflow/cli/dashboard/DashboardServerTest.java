package io.newsflow.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Evidence;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.TopicTag;
import io.newsflow.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's HTTP side: JSON behind every view, assets from the jar, local by default. */
class DashboardServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();
  DashboardState state;
  DashboardServer server;

  @BeforeEach
  void start() throws Exception {
    state = new DashboardState(3, List::of, () -> null);
    server = new DashboardServer("127.0.0.1", 0, state);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static EnrichedArticle article(String id, String outlet, String lang, String tag) {
    String text = "The islands' sovereignty was debated.\n\nA second paragraph.";
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setSource("https://example.org/" + id)
        .setOutlet(outlet)
        .setTitle("Title " + id)
        .setText(text)
        .setRemoved(List.of())
        .setTopics(
            List.of(
                TopicTag.newBuilder()
                    .setName(tag)
                    .setScore(0.9)
                    .setTaxonomyVersion("t")
                    .setEvidence(
                        List.of(
                            Evidence.newBuilder()
                                .setPhrase("sovereignty")
                                .setField("text")
                                .setStart(text.indexOf("sovereignty"))
                                .setEnd(text.indexOf("sovereignty") + 11)
                                .setRule("r")
                                .build()))
                    .build()))
        .setLanguage(lang)
        .setFetchedAt(Instant.parse("2026-12-01T10:00:00Z"))
        .setVersion(1)
        .setExtractorVersion("t")
        .setTaxonomyVersion("t")
        .build();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return JSON.readTree(r.body());
  }

  @Test
  void shouldListTheLatestArticlesNewestFirstFilteredAndBounded() throws Exception {
    Instant now = Instant.now();
    state.enriched(article("a", "Gazette", "en", "sovereignty"), now);
    state.enriched(article("b", "Diario", "es", "intervention"), now);
    state.enriched(article("c", "Gazette", "es", "sovereignty"), now);
    state.enriched(article("d", "Gazette", "en", "intervention"), now);

    JsonNode all = json("/api/articles");
    assertThat(all.path("articles").findValuesAsText("id")).containsExactly("d", "c", "b");
    assertThat(
            json("/api/articles?outlet=Gazette&language=es")
                .path("articles")
                .findValuesAsText("id"))
        .containsExactly("c");
    assertThat(json("/api/articles?topic=intervention").path("articles").findValuesAsText("id"))
        .containsExactly("d", "b");
    assertThat(
            json("/api/articles/c")
                .path("topics")
                .get(0)
                .path("evidence")
                .get(0)
                .path("phrase")
                .asText())
        .isEqualTo("sovereignty");
    assertThat(get("/api/articles/a").statusCode())
        .as("dropped beyond the kept ones")
        .isEqualTo(404);
  }

  @Test
  void shouldCountStagesAndOutletsAndShowADeadLettersOriginalRawArticle() throws Exception {
    Instant now = Instant.now();
    state.counted("ingest", "Gazette", now);
    state.counted("ingest", "Gazette", now);
    state.enriched(article("a", "Gazette", "en", "sovereignty"), now);
    RawArticle raw =
        RawArticle.newBuilder()
            .setId("x")
            .setSource("x.html")
            .setOutlet("Gazette")
            .setVia(io.newsflow.schemas.Via.REPLAY)
            .setFetchedAt(now)
            .setContentType("text/html")
            .setBody(ByteBuffer.wrap("<p>the body</p>".getBytes(StandardCharsets.UTF_8)))
            .build();
    DeadLetter d =
        DeadLetter.newBuilder()
            .setStage("extract-article")
            .setReason("body is empty")
            .setArticleId("x")
            .setSource("x.html")
            .setTopic(Topics.RAW.name())
            .setPartition(0)
            .setOffset(7)
            .setValue(
                ByteBuffer.wrap(
                    Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), raw)))
            .setFailedAt(now)
            .build();
    state.dead(d, "Gazette", now);

    JsonNode p = json("/api/pipeline");
    assertThat(p.path("totals").path("ingest").asLong()).isEqualTo(2);
    assertThat(p.path("totals").path("enrich").asLong()).isEqualTo(1);
    assertThat(p.path("totals").path("dead letters").asLong()).isEqualTo(1);
    assertThat(p.path("deadLettersByReason").get(0).path("stageAndReason").asText())
        .isEqualTo("extract-article: body is empty");
    JsonNode rates = p.path("rates").path("perSecond").path("ingest");
    // the 2 events are in the last 2-s bucket, or the one before when the request crossed into a
    // new bucket
    assertThat(rates.get(rates.size() - 1).asDouble() + rates.get(rates.size() - 2).asDouble())
        .as("2 in the last two 2-s buckets")
        .isEqualTo(1.0);

    JsonNode gazette = json("/api/outlets").path("outlets").get(0);
    assertThat(gazette.path("outlet").asText()).isEqualTo("Gazette");
    assertThat(gazette.path("ingested").asLong()).isEqualTo(2);
    assertThat(gazette.path("enriched").asLong()).isEqualTo(1);
    assertThat(gazette.path("deadLettered").asLong()).isEqualTo(1);

    String preview =
        json("/api/dead-letters").path("deadLetters").get(0).path("valuePreview").asText();
    assertThat(preview).contains("x.html").contains("text/html").contains("<p>the body</p>");
  }

  @Test
  void shouldServeThePageAndItsPlotLibraryFromTheJarAndNothingElse() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/assets/app.js").doesNotContain("https://");
    assertThat(get("/assets/app.js").body()).contains("/api/pipeline");
    assertThat(get("/assets/uplot/uPlot.iife.min.js").statusCode()).isEqualTo(200);
    assertThat(get("/assets/../../etc/passwd").statusCode()).isEqualTo(404);
    assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
    assertThat(server.url()).startsWith("http://127.0.0.1:");
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "api/pipeline"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }
}
