package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The story container on layouts that split a story (1.6.0): page-builder blocks each wrapped in
 * their own chain of divs, and data tables and subheadings between the story's paragraphs. The
 * pages are written for these tests; each failed before its rule.
 */
class BodyContainerTest {
  private static final ArticleExtractor EXTRACTOR =
      new ArticleExtractor(ExtractorSettings.defaults());

  private static Extraction extract(String html) throws ExtractionException {
    return EXTRACTOR.extract(
        html.getBytes(StandardCharsets.UTF_8), null, "text/html", "https://example.test/a/story");
  }

  private static String sentence(String topic, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("The ")
          .append(topic)
          .append(" report of week ")
          .append(i + 1)
          .append(" says the harbour crews worked late to finish the repairs before the storm. ");
    }
    return sb.toString().strip();
  }

  private static String block(String inner) {
    return "<div class=\"blk html-block\"><div class=\"blk-content\"><div class=\"html-content\">"
        + inner
        + "</div></div></div>";
  }

  @Test
  void shouldJoinBuilderBlocksWrappedInTheirOwnDivs() throws Exception {
    StringBuilder links = new StringBuilder("<ul>");
    for (int i = 0; i < 24; i++) {
      links
          .append("<li><a href=\"/town/")
          .append(i)
          .append("\">Repair costs in town number ")
          .append(i)
          .append("</a></li>");
    }
    links.append("</ul>");
    String html =
        "<html><body><div class=\"col\">"
            + block(
                "<p>"
                    + sentence("first", 3)
                    + "</p><p>"
                    + sentence("second", 3)
                    + "</p><p>"
                    + sentence("third", 3)
                    + "</p>")
            + block("<p>" + sentence("fourth", 3) + "</p><p>" + sentence("fifth", 2) + "</p>")
            + block(links.toString())
            + "</div></body></html>";

    Extraction e = extract(html);

    // the second block is a sibling of the first one's outermost wrapper, not of its text div
    assertThat(e.text()).contains("The first report", "The fourth report", "The fifth report");
    assertThat(e.text()).doesNotContain("Repair costs in town");
  }

  @Test
  void shouldKeepDataTablesAndSubheadingsInsideTheStory() throws Exception {
    StringBuilder table = new StringBuilder("<table><tr><th>Quay</th><th>Metres</th></tr>");
    String[] quays = {
      "North",
      "East",
      "South",
      "West",
      "Inner",
      "Outer",
      "Ferry",
      "Fish",
      "Coal",
      "Salt",
      "Mill",
      "Chapel",
      "Pilot",
      "Lifeboat",
      "Timber",
      "Customs",
      "Ropewalk",
      "Beacon"
    };
    for (int i = 0; i < quays.length; i++) {
      table
          .append("<tr><td>")
          .append(quays[i])
          .append(" quay wall</td><td>")
          .append(120 + 15 * i)
          .append(" metres rebuilt</td></tr>");
    }
    table.append("</table>");
    String html =
        "<html><body><article><div class=\"entry\">"
            + "<p>"
            + sentence("opening", 3)
            + "</p>"
            + "<h3>Which walls are rebuilt this year and which must wait</h3>"
            + table
            + "<h3>What the council decided about the costs of the work</h3>"
            + "<p>"
            + sentence("council", 3)
            + "</p>"
            + "<p>"
            + sentence("closing", 2)
            + "</p>"
            + "</div></article>"
            + "<div class=\"sidebar\"><p>"
            + sentence("sidebar", 1)
            + "</p></div>"
            + "</body></html>";

    Extraction e = extract(html);

    // before 1.6.0 the short cells and the subheadings weighed as furniture against the article,
    // and the container shrank to its three paragraphs
    assertThat(e.text()).contains("The opening report", "The council report");
    assertThat(e.paragraphs())
        .contains("North quay wall", "Beacon quay wall", "225 metres rebuilt")
        .contains("Which walls are rebuilt this year and which must wait");
  }

  @Test
  void shouldNotTakeSectionAnchorsMadeFromHeadingsForFurnitureNames() throws Exception {
    String html =
        "<html><body><article>"
            + "<section id=\"intro\"><p>"
            + sentence("opening", 2)
            + "</p></section>"
            + "<section id=\"how-popular-the-ferry-became\">"
            + "<h2>How popular the ferry became</h2>"
            + "<p>"
            + sentence("ferry", 3)
            + "</p><p>"
            + sentence("timetable", 3)
            + "</p></section>"
            + "<section id=\"toc_what-comments-the-harbour-master-made\">"
            + "<h2>What comments the harbour master made</h2>"
            + "<p>"
            + sentence("harbour master", 3)
            + "</p></section>"
            + "</article>"
            + "<div id=\"comments\"><p>"
            + sentence("reader", 1)
            + "</p></div>"
            + "</body></html>";

    Extraction e = extract(html);

    // "popular" and "comments" in those ids named the sections furniture before 1.6.0
    assertThat(e.text())
        .contains("The opening report", "The ferry report", "The harbour master report");
    assertThat(e.text()).doesNotContain("The reader report");
  }
}
