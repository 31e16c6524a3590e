package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedReaderTest {
  static final String FEED = "https://news.example/rss.xml";

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldReadRss2WithUpdatedDatesAndRelativeLinks() throws Exception {
    String rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>N</title>"
            + "<item><title>A</title><link>https://news.example/a?utm_source=rss</link><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>"
            + "<item><title>B</title><link>/b</link></item>"
            + "<item><title>no link</title></item></channel></rss>";
    FeedReader.Result r = FeedReader.read(b(rss), FEED);
    assertThat(r.entries())
        .containsExactly(
            new Entry("https://news.example/a", Instant.parse("2026-03-02T10:00:00Z")),
            new Entry("https://news.example/b", null));
    assertThat(r.skipped()).isEqualTo(1);
  }

  @Test
  void shouldReadAtomAndRdf() throws Exception {
    String atom =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>N</title><id>x</id><updated>2026-03-02T10:00:00Z</updated>"
            + "<entry><title>A</title><id>urn:a</id><link href=\"https://news.example/atom-a\"/><updated>2026-03-02T11:00:00Z</updated></entry></feed>";
    String rdf =
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
            + "<channel rdf:about=\"https://news.example/\"><title>N</title><link>https://news.example/</link><description>d</description></channel>"
            + "<item rdf:about=\"https://news.example/rdf-a\"><title>A</title><link>https://news.example/rdf-a</link></item></rdf:RDF>";
    assertThat(FeedReader.read(b(atom), FEED).entries())
        .containsExactly(
            new Entry("https://news.example/atom-a", Instant.parse("2026-03-02T11:00:00Z")));
    assertThat(FeedReader.read(b(rdf), FEED).entries())
        .extracting(Entry::url)
        .containsExactly("https://news.example/rdf-a");
  }

  @Test
  void shouldRejectMalformedXml() {
    assertThatThrownBy(() -> FeedReader.read(b("<rss><channel><item><link>x</item>"), FEED))
        .isInstanceOf(FeedParseException.class);
  }

  @Test
  void shouldNeverResolveExternalEntities(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + "<rss version=\"2.0\"><channel><title>&x;</title><item><link>https://news.example/&x;</link></item></channel></rss>";
    assertThatThrownBy(() -> FeedReader.read(b(xxe), FEED))
        .isInstanceOf(FeedParseException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
    String sitemap =
        "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://news.example/&x;</loc></url></urlset>";
    try {
      SitemapReader.Result r =
          SitemapReader.read(b(sitemap), "text/xml", "https://news.example/sitemap.xml", 1 << 20);
      assertThat(r.articles()).noneMatch(e -> e.url().contains("TOP-SECRET"));
    } catch (FeedParseException refused) {
      assertThat(refused.getMessage()).doesNotContain("TOP-SECRET");
    }
  }

  @Test
  void shouldReadSitemapIndexesAndNewsSitemapsWithPublicationDates() throws Exception {
    String index =
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<sitemap><loc>https://news.example/news-sitemap.xml</loc><lastmod>2026-03-02T10:00:00Z</lastmod></sitemap></sitemapindex>";
    String news =
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
            + "<url><loc>https://news.example/n1</loc><news:news><news:publication><news:name>N</news:name><news:language>en</news:language></news:publication>"
            + "<news:publication_date>2026-03-02T09:30:00Z</news:publication_date><news:title>T</news:title></news:news></url>"
            + "<url><loc>https://news.example/n2</loc><lastmod>2026-03-01</lastmod></url></urlset>";
    SitemapReader.Result idx =
        SitemapReader.read(
            b(index), "application/xml", "https://news.example/sitemap.xml", 1 << 20);
    assertThat(idx.isIndex()).isTrue();
    assertThat(idx.sitemaps())
        .extracting(Entry::url)
        .containsExactly("https://news.example/news-sitemap.xml");
    SitemapReader.Result r =
        SitemapReader.read(
            gzip(b(news)), "application/x-gzip", "https://news.example/news.xml.gz", 1 << 20);
    assertThat(r.articles())
        .containsExactly(
            new Entry("https://news.example/n1", Instant.parse("2026-03-02T09:30:00Z")),
            new Entry("https://news.example/n2", Instant.parse("2026-03-01T00:00:00Z")));
  }

  @Test
  void shouldRefuseGzipSitemapsThatExpandBeyondTheCap() throws Exception {
    byte[] bomb = gzip(new byte[4 << 20]);
    assertThatThrownBy(
            () ->
                SitemapReader.read(
                    bomb, "application/gzip", "https://news.example/s.xml.gz", 1 << 20))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("cap");
  }

  @Test
  void shouldTakeSameSiteLinksOfSeedPages() {
    String html =
        "<a href=\"/world/a?utm_medium=x\">A</a><a href=\"https://www.news.example/world/b#top\">B</a>"
            + "<a href=\"https://ads.other.example/c\">ad</a><a href=\"mailto:x@y\">mail</a><a href=\"/world/a\">again</a>";
    assertThat(PageLinks.sameSite(html, "https://www.news.example/world/"))
        .extracting(Entry::url)
        .containsExactly("https://www.news.example/world/a", "https://www.news.example/world/b");
  }

  static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
