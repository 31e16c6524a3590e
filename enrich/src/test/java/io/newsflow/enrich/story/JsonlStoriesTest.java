package io.newsflow.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON Lines runner behind {@code newsflow stories}. */
class JsonlStoriesTest {
  @Test
  void shouldReportBadLinesWithTheirNumberAndStillClusterTheRest() throws Exception {
    String in =
        String.join(
            "\n",
            quake("1", StoryClustererTest.QUAKE_EN, "2026-03-03"),
            "not json",
            "{\"title\":\"no id\"}",
            "{\"id\":\"2\",\"published\":\"yesterday\"}",
            quake("3", StoryClustererTest.QUAKE_EN_REWRITE, "2026-03-03T10:00:00-05:00"));
    StringWriter out = new StringWriter();
    List<String> problems = new ArrayList<>();
    JsonlStories.Summary s = run(in, out, problems);

    assertThat(s.articles()).isEqualTo(2);
    assertThat(s.bad()).isEqualTo(3);
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("line 2:"))
        .anySatisfy(p -> assertThat(p).startsWith("line 3:").contains("id"))
        .anySatisfy(p -> assertThat(p).startsWith("line 4:").contains("ISO-8601"));
    assertThat(out.toString().strip().split("\n"))
        .containsExactly(
            "{\"id\":\"1\",\"story\":\"story-1\"}", "{\"id\":\"3\",\"story\":\"story-1\"}");
  }

  @Test
  void shouldReadDatesInEveryFormTheExtractorWrites() throws Exception {
    // a page that gives no time zone gets a local date-time from the extractor; the pipeline reads
    // it, so the command must too, or it drops the article
    String in =
        String.join(
            "\n",
            quake("1", StoryClustererTest.QUAKE_EN, "2026-03-03T08:30:00"),
            quake(
                "2",
                StoryClustererTest.QUAKE_EN_REWRITE,
                "2026-03-03T10:00:00+01:00[Europe/Madrid]"));
    StringWriter out = new StringWriter();
    List<String> problems = new ArrayList<>();
    JsonlStories.Summary s = run(in, out, problems);

    assertThat(problems).isEmpty();
    assertThat(s.articles()).isEqualTo(2);
    assertThat(out.toString().strip().split("\n"))
        .containsExactly(
            "{\"id\":\"1\",\"story\":\"story-1\"}", "{\"id\":\"2\",\"story\":\"story-1\"}");
  }

  private static String quake(String id, String text, String published) {
    return "{\"id\":\""
        + id
        + "\",\"title\":\""
        + StoryClustererTest.QUAKE_EN_TITLE
        + "\",\"text\":\""
        + text
        + "\",\"published\":\""
        + published
        + "\"}";
  }

  private static JsonlStories.Summary run(String in, StringWriter out, List<String> problems)
      throws java.io.IOException {
    return JsonlStories.run(
        new StringReader(in), out, JsonlStories.standard(StorySettings.defaults()), problems::add);
  }
}
