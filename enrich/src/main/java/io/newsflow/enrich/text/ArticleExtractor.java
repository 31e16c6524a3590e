package io.newsflow.enrich.text;

import io.newsflow.enrich.text.html.HtmlArticle;
import io.newsflow.enrich.text.plain.PlainTextExtractor;
import java.util.Objects;

/**
 * Finds the article in an HTML page or in plain text scraped from one. Pure and thread-safe: one
 * instance serves every thread.
 *
 * <p>HTML goes through {@link HtmlArticle} (metadata from JSON-LD, OpenGraph/meta and the markup;
 * the body from the page's structure and text density); plain text through {@link
 * PlainTextExtractor} (line classification). Both record every dropped block with its reason.
 */
public final class ArticleExtractor {
  /** Bumped whenever output for the same input may change. */
  public static final String VERSION = "1.10.0";

  private final ExtractorSettings settings;

  public ArticleExtractor(ExtractorSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Decodes and extracts a raw body. Never throws anything but {@link ExtractionException} on bad
   * content (malformed, truncated or deeply nested markup still yields a result).
   *
   * @param body the bytes as received, not null
   * @param charset declared charset (e.g. from the Content-Type header), or null to sniff and
   *     detect
   * @param contentType media type, or null; {@code text/plain} is treated as scraped text, anything
   *     else as HTML
   * @param sourceUrl URL or path of the page, for resolving links; may be null
   * @throws ExtractionException when the content is refused (empty, binary, over the size cap)
   */
  public Extraction extract(byte[] body, String charset, String contentType, String sourceUrl)
      throws ExtractionException {
    Objects.requireNonNull(body, "body");
    if (body.length > settings.maxBytes()) {
      throw new ExtractionException(
          "body is " + body.length + " bytes, over the cap of " + settings.maxBytes());
    }
    String content = Decoding.decode(body, charset);
    if (content.isBlank()) {
      throw new ExtractionException("body is empty");
    }
    boolean plain =
        contentType != null
            && contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("text/plain");
    try {
      return plain ? extractText(content, sourceUrl) : extractHtml(content, sourceUrl);
    } catch (StackOverflowError tooDeep) {
      throw new ExtractionException("page is nested too deeply to process");
    }
  }

  /**
   * The features the page-kind model weighs, for fitting and measuring it ({@code
   * PageKindTraining}): the page decoded as {@link #extract} decodes it.
   *
   * @throws ExtractionException when the content is refused
   */
  public static double[] pageKindFeatures(byte[] body, String sourceUrl)
      throws ExtractionException {
    String content = Decoding.decode(body, null);
    if (content.isBlank()) {
      throw new ExtractionException("body is empty");
    }
    return HtmlArticle.kindFeatures(content, sourceUrl);
  }

  /**
   * Extracts from an HTML page.
   *
   * @param html the decoded page, not null
   * @param sourceUrl base URL for relative links, or null
   */
  public Extraction extractHtml(String html, String sourceUrl) {
    Objects.requireNonNull(html, "html");
    return HtmlArticle.extract(html, sourceUrl);
  }

  /** Extracts from plain text scraped from a page: one candidate paragraph per non-blank line. */
  public Extraction extractText(String text) {
    return extractText(text, null);
  }

  /**
   * Extracts from plain text scraped from a page.
   *
   * @param text the decoded text, not null
   * @param sourceUrl the page's URL, or null; a date in its path is the publication date when the
   *     text states none
   */
  public Extraction extractText(String text, String sourceUrl) {
    Objects.requireNonNull(text, "text");
    return PlainTextExtractor.extract(text, sourceUrl);
  }

  public ExtractorSettings settings() {
    return settings;
  }
}
