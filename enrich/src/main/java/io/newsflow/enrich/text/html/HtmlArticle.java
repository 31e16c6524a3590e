package io.newsflow.enrich.text.html;

import io.newsflow.enrich.text.Datelines;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.LanguageDetector;
import io.newsflow.enrich.text.Removed;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The HTML path: parse, read metadata, clean the furniture out, find and filter the body. Pure. */
public final class HtmlArticle {
  private HtmlArticle() {}

  /** Extracts article and metadata from a decoded page; never throws on malformed markup. */
  public static Extraction extract(String html, String sourceUrl) {
    Document doc = Jsoup.parse(html, sourceUrl == null ? "" : sourceUrl);
    PageMetadata meta = PageMetadata.read(doc);
    Element body = doc.body();
    List<Removed> removed = new ArrayList<>();
    BodyFinder.Result found = BodyFinder.find(body, DomCleaner.clean(body), meta.title(), removed);
    List<String> paragraphs = found.paragraphs();
    if (meta.jsonLdBody() != null && preferJsonLd(paragraphs, meta.jsonLdBody())) {
      // the markup holds a stub (script-rendered page, teaser before a wall) but the JSON-LD has
      // the story
      removed.add(
          new Removed(DomCleaner.clip(String.join(" / ", paragraphs)), "density:stub-body"));
      paragraphs = splitParagraphs(meta.jsonLdBody());
    }
    String language =
        meta.language() != null
            ? meta.language()
            : LanguageDetector.detect(String.join(" ", paragraphs));
    return new Extraction(
        meta.title(),
        paragraphs,
        removed,
        language,
        meta.published(),
        meta.modified(),
        meta.authors(),
        Datelines.find(paragraphs),
        meta.siteName(),
        meta.canonicalUrl(),
        meta.imageUrl());
  }

  private static boolean preferJsonLd(List<String> paragraphs, String jsonLdBody) {
    int markup = 0;
    for (String p : paragraphs) {
      markup += p.length();
    }
    return markup == 0 || (jsonLdBody.length() >= 500 && jsonLdBody.length() > 3 * markup);
  }

  static List<String> splitParagraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : Jsoup.parse(text).wholeText().split("\\n\\s*")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }
}
