package io.newsflow.ingest.feed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newsflow.ingest.fetch.BodyReader;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sitemaps (XML, text, gzip), sitemap indexes and news sitemaps through crawler-commons, lenient
 * about namespaces, DOCTYPEs refused. Gzip is inflated here under a cap, so a compressed sitemap
 * cannot be a decompression bomb. Pure: bytes in, entries out.
 */
public final class SitemapReader {
  private SitemapReader() {}

  /**
   * What a sitemap lists.
   *
   * @param articles for a sitemap: its URLs with the latest of lastmod and news publication date
   * @param sitemaps for a sitemap index: the child sitemaps with their lastmod
   */
  public record Result(List<Entry> articles, List<Entry> sitemaps) {
    public boolean isIndex() {
      return !sitemaps.isEmpty();
    }
  }

  /**
   * @param contentType the media type the server sent, or null
   * @param maxBytes cap on the inflated size of a gzip sitemap
   */
  public static Result read(byte[] body, String contentType, String sitemapUrl, long maxBytes)
      throws FeedParseException {
    URL url;
    try {
      url = new URL(sitemapUrl);
    } catch (MalformedURLException e) {
      throw new FeedParseException("bad sitemap URL " + sitemapUrl, e);
    }
    byte[] bytes = body;
    String type = contentType == null ? "text/xml" : contentType;
    try {
      if (BodyReader.isGzip(body)) {
        bytes = BodyReader.inflate(body, "gzip", maxBytes);
        type = "text/xml";
      }
      if (type.contains("gzip")) {
        type = "text/xml";
      }
      SiteMapParser parser = new SiteMapParser(false, true);
      parser.setAllowDocTypeDefinitions(false);
      parser.setStrictNamespace(false);
      parser.enableExtension(Extension.NEWS);
      AbstractSiteMap map = parser.parseSiteMap(textType(type, bytes), bytes, url);
      return map.isIndex() ? index((SiteMapIndex) map) : urls((SiteMap) map);
    } catch (UnknownFormatException | IOException | RuntimeException e) {
      throw new FeedParseException("not a readable sitemap: " + e.getMessage(), e);
    }
  }

  private static String textType(String type, byte[] bytes) {
    // servers send sitemaps as text/plain or octet-stream too; XML is recognised by its first byte
    int i = 0;
    while (i < bytes.length
        && (Character.isWhitespace(bytes[i])
            || (bytes[i] & 0xff) == 0xef
            || (bytes[i] & 0xff) == 0xbb
            || (bytes[i] & 0xff) == 0xbf)) {
      i++;
    }
    return i < bytes.length && bytes[i] == '<'
        ? "text/xml"
        : (type.contains("xml") ? type : "text/plain");
  }

  private static Result index(SiteMapIndex index) {
    List<Entry> children = new ArrayList<>();
    for (AbstractSiteMap child : index.getSitemaps()) {
      children.add(
          new Entry(
              child.getUrl().toString(),
              child.getLastModified() == null ? null : child.getLastModified().toInstant()));
    }
    return new Result(List.of(), children);
  }

  private static Result urls(SiteMap map) {
    List<Entry> articles = new ArrayList<>();
    for (SiteMapURL u : map.getSiteMapUrls()) {
      Instant changed = u.getLastModified() == null ? null : u.getLastModified().toInstant();
      ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
      if (news != null) {
        for (ExtensionMetadata m : news) {
          if (m instanceof NewsAttributes n && n.getPublicationDate() != null) {
            Instant published = n.getPublicationDate().toInstant();
            changed = changed == null || published.isAfter(changed) ? published : changed;
          }
        }
      }
      articles.add(new Entry(u.getUrl().toString(), changed));
    }
    return new Result(articles, List.of());
  }
}
