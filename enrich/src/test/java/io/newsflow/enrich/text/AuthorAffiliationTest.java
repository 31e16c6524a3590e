package io.newsflow.enrich.text;

import static io.newsflow.enrich.text.MetadataPages.STORY;
import static io.newsflow.enrich.text.MetadataPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Bylines that name the site again after the writer (docs/extraction.md, 1.9.0): "Jane Doe, Site
 * Business", "Analysis by Jane Doe, Site Editor-at-large", "Jane Doe, Site" on an edition of the
 * site with a longer name. The site's name there is an affiliation, not a second author. Every page
 * is written for this test; none is taken from a data set.
 */
class AuthorAffiliationTest {
  private static Extraction byline(String site, String author) {
    return page(
        "<meta property=\"og:site_name\" content=\""
            + site
            + "\">"
            + "<meta name=\"author\" content=\""
            + author
            + "\">",
        "<article><h1>Harbour bridge reopens after repairs</h1>" + STORY + "</article>");
  }

  @Test
  void shouldDropTheSitesSectionNamedAfterTheWriter() {
    assertThat(byline("Harbor Daily", "Mira Castellanos, Harbor Daily Business").authors())
        .containsExactly("Mira Castellanos");
  }

  @Test
  void shouldDropAnAnalysisLabelAndTheWritersRoleAtTheSite() {
    assertThat(
            byline("Harbor Daily", "Analysis by Mira Castellanos, Harbor Daily Editor-at-large")
                .authors())
        .containsExactly("Mira Castellanos");
  }

  @Test
  void shouldDropTheSitesShortNameOnAnEditionOfIt() {
    assertThat(byline("Harbor Daily Deutschland", "Mira Castellanos, Harbor Daily").authors())
        .containsExactly("Mira Castellanos");
  }

  @Test
  void shouldKeepTwoWritersWhenNeitherIsTheSite() {
    assertThat(byline("Harbor Daily", "Mira Castellanos and Tomas Varga").authors())
        .containsExactly("Mira Castellanos", "Tomas Varga");
  }

  @Test
  void shouldKeepADeskBylineThatStandsAlone() {
    // a desk or team named alone is who the page says wrote it
    assertThat(byline("The Harbor Daily", "Harbor Daily Sport").authors())
        .containsExactly("Harbor Daily Sport");
  }

  @Test
  void shouldDropTheSiteSetAfterTheWriterWithAFullStop() {
    assertThat(
            byline("Harbor Daily International", "Mira Castellanos. Harbor Daily International")
                .authors())
        .containsExactly("Mira Castellanos");
  }

  @Test
  void shouldReadTheAuthorOfAMedicalWebPage() {
    // schema.org's page type for health articles, with the writer's credentials after the name
    Extraction e =
        page(
            "<script type=\"application/ld+json\">{\"@type\":\"MedicalWebPage\","
                + "\"headline\":\"Harbour bridge reopens after repairs\","
                + "\"author\":{\"@type\":\"Person\",\"name\":\"Mira Castellanos, MS, RD\"}}"
                + "</script>",
            "<article><h1>Harbour bridge reopens after repairs</h1>" + STORY + "</article>");
    assertThat(e.authors()).containsExactly("Mira Castellanos");
  }
}
