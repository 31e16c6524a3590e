package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Pages that are not articles are told apart; real news pages stay articles. */
class PageKindTest {
  private static final ArticleExtractor EXTRACTOR =
      new ArticleExtractor(ExtractorSettings.defaults());
  private static final String STORY =
      "<p>The old bridge over the river reopened on Monday after six months of repairs to its deck and railings, the county said. "
          + "Engineers had found cracks in two of the piers during a routine inspection last spring.</p>"
          + "<p>Drivers will pay no toll until the end of the year, and a new footpath on the east side opens to walkers next week. "
          + "The county expects traffic to return to its old level within a month.</p>";

  private static PageKind kind(String head, String body) {
    return EXTRACTOR
        .extractHtml("<html><head>" + head + "</head><body>" + body + "</body></html>", null)
        .pageKind();
  }

  @Test
  void shouldCallADatedNewsArticleAnArticle() {
    String ld =
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Bridge reopens\","
            + "\"datePublished\":\"2026-11-20T10:00:00Z\"}</script>";
    assertThat(kind(ld, "<article><h1>Bridge reopens</h1>" + STORY + "</article>"))
        .isEqualTo(PageKind.ARTICLE);
  }

  @Test
  void shouldCallALiveBlogALiveBlog() {
    String ld =
        "<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"headline\":\"Storm live\"}</script>";
    assertThat(kind(ld, "<article><h1>Storm live</h1>" + STORY + "</article>"))
        .isEqualTo(PageKind.LIVEBLOG);
  }

  @Test
  void shouldCallAProductPageOther() {
    String ld =
        "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Rain jacket\"}</script>";
    assertThat(kind(ld, "<h1>Rain jacket</h1><p>Waterproof, light, packs into its pocket.</p>"))
        .isEqualTo(PageKind.OTHER);
  }

  @Test
  void shouldCallASectionFrontOfTeasersAListingWithoutAnyDeclaredType() {
    StringBuilder body = new StringBuilder("<h1>Politics</h1>");
    for (int i = 0; i < 20; i++) {
      body.append("<article><h2><a href=\"/story-")
          .append(i)
          .append("\">Council votes on plan number ")
          .append(i)
          .append("</a></h2><time>Nov ")
          .append(i + 1)
          .append(", 2026</time><a href=\"/story-")
          .append(i)
          .append("\">A short teaser of the story that runs on the next page.</a></article>");
    }
    assertThat(kind("", body.toString())).isIn(PageKind.LISTING, PageKind.OTHER);
  }

  @Test
  void shouldKeepTheScrapinghubNewsPagesArticles() throws Exception {
    Path shared = SharedData.sharedDir();
    Assumptions.assumeTrue(shared != null, "../shared is not there");
    Path dir = shared.resolve("bench/extraction/scrapinghub/html");
    int pages = 0;
    int keptOut = 0;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        byte[] html;
        try (var in = new GZIPInputStream(Files.newInputStream(p))) {
          html = in.readAllBytes();
        }
        pages++;
        keptOut += EXTRACTOR.extract(html, null, "text/html", null).pageKind().isNews() ? 0 : 1;
      }
    }
    assertThat(pages).isEqualTo(181);
    // measured: 0 of 181, with or without the URL (docs/extraction.md, 1.4.0 to 1.7.0): a news
    // page kept out of the news is a loss, so none may be
    assertThat(keptOut).isZero();
  }
}
