package io.newsflow.enrich.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article in an HTML page or in plain text scraped from one. Pure and thread-safe: one
 * instance serves every thread.
 */
public final class ArticleExtractor {
  /** Bumped whenever output for the same input may change. */
  public static final String VERSION = "0.1.0";

  private final ExtractorSettings settings;

  public ArticleExtractor(ExtractorSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Decodes and extracts a raw body.
   *
   * @param body the bytes as received
   * @param charset declared charset, or null to detect
   * @param contentType media type; {@code text/plain} is treated as scraped text, anything else as HTML
   * @param sourceUrl URL or path of the page, for resolving links; may be null
   * @throws ExtractionException when the content is refused (empty, binary, too large)
   */
  public Extraction extract(byte[] body, String charset, String contentType, String sourceUrl)
      throws ExtractionException {
    Objects.requireNonNull(body, "body");
    if (body.length > settings.maxBytes()) {
      throw new ExtractionException("body is " + body.length + " bytes, over the cap of " + settings.maxBytes());
    }
    Charset cs = charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
    String content = new String(body, cs);
    if (content.isBlank()) {
      throw new ExtractionException("body is empty");
    }
    return contentType != null && contentType.startsWith("text/plain")
        ? extractText(content)
        : extractHtml(content, sourceUrl);
  }

  /** Extracts from an HTML page. */
  public Extraction extractHtml(String html, String sourceUrl) {
    Document doc = Jsoup.parse(html, sourceUrl == null ? "" : sourceUrl);
    List<String> paragraphs = new ArrayList<>();
    for (Element p : doc.select("p")) {
      String t = p.text().strip();
      if (!t.isEmpty()) {
        paragraphs.add(t);
      }
    }
    return new Extraction(doc.title(), paragraphs, List.of(), null, null, null, List.of(), null, null, null, null);
  }

  /** Extracts from plain text: one paragraph a non-blank line. */
  public Extraction extractText(String text) {
    List<String> paragraphs = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        paragraphs.add(line.strip());
      }
    }
    String title = paragraphs.isEmpty() ? null : paragraphs.get(0);
    return new Extraction(title, paragraphs, List.of(), null, null, null, List.of(), null, null, null, null);
  }
}
