package io.newsflow.enrich.text;

import static io.newsflow.enrich.text.MetadataPages.STORY;
import static io.newsflow.enrich.text.MetadataPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Site names as pages declare them, when the declared value names something else
 * (docs/extraction.md, 1.10.0): a section, a handle, an address, the blogging platform, a wire
 * agency as the publisher of a republished story, a tagline after the name. The site name is the
 * outlet of a record whose source gave none, so a wrong one is a wrong outlet. Every page is
 * written for this test.
 */
class DeclaredSiteNameTest {
  private static final String BODY =
      "<article><h1>Harbour bridge reopens after repairs</h1>" + STORY + "</article>";

  private static String ogSite(String site) {
    return "<meta property=\"og:site_name\" content=\"" + site + "\">";
  }

  private static String publisher(String name) {
    return "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        + "\"headline\":\"Harbour bridge reopens after repairs\","
        + "\"publisher\":{\"@type\":\"Organization\",\"name\":\""
        + name
        + "\"}}</script>";
  }

  private static String siteName(String head, String url) {
    return page(head, BODY, url).siteName();
  }

  @Test
  void shouldTakeTheSitesOwnNameOverAWireAgencyPublishingTheStory() {
    assertThat(
            siteName(
                publisher("Associated Press") + ogSite("Harbor Daily"),
                "https://www.harbordaily.example/news/bridge"))
        .isEqualTo("Harbor Daily");
  }

  @Test
  void shouldKeepTheAgencyOnTheAgencysOwnPages() {
    // no other name on the page: the agency is the site
    assertThat(siteName(publisher("Reuters"), "https://www.reuters.example/world/bridge"))
        .isEqualTo("Reuters");
  }

  @Test
  void shouldPassOverASectionDeclaredAsTheSite() {
    assertThat(
            siteName(
                publisher("Harbor Wire") + ogSite("U.S."),
                "https://www.harborwire.example/us/bridge"))
        .isEqualTo("Harbor Wire");
    assertThat(siteName(ogSite("Homepage"), "https://www.harborwire.example/bridge"))
        .isNotEqualTo("Homepage");
  }

  @Test
  void shouldPassOverAHandleAnAddressAndTheBloggingPlatform() {
    String title = "<title>Harbour bridge reopens after repairs | Harbor Notes</title>";
    for (String declared :
        new String[] {"@harbornotes", "https://www.harbornotes.example", "Blogger"}) {
      assertThat(siteName(ogSite(declared) + title, "https://www.harbornotes.example/2026/bridge"))
          .as(declared)
          .isEqualTo("Harbor Notes");
    }
  }

  @Test
  void shouldKeepThePlatformOnThePlatformsOwnSite() {
    assertThat(siteName(ogSite("Medium"), "https://medium.example/@writer/bridge"))
        .isEqualTo("Medium");
  }

  @Test
  void shouldCutATaglineAfterTheName() {
    assertThat(
            siteName(
                ogSite("Harbor Daily | News for the valley since 1921"),
                "https://www.harbordaily.example/news/bridge"))
        .isEqualTo("Harbor Daily");
  }

  @Test
  void shouldTakeThePartThatIsTheHostsName() {
    // the name comes last, after words about the site: the part that is the host's name is the name
    assertThat(
            siteName(
                ogSite("Find a bridge near you - Book a crossing - Harbor Crossings"),
                "https://harborcrossings.example/bridge"))
        .isEqualTo("Harbor Crossings");
    assertThat(
            siteName(
                ogSite("Reviews and discussion of bridges - BridgeTalk.org"),
                "https://www.bridgetalk.example/threads/bridge"))
        .isEqualTo("BridgeTalk.org");
  }
}
