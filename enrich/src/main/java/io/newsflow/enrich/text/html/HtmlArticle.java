package io.newsflow.enrich.text.html;

import io.newsflow.enrich.text.Bylines;
import io.newsflow.enrich.text.Datelines;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.LanguageDetector;
import io.newsflow.enrich.text.MetaLine;
import io.newsflow.enrich.text.PageKind;
import io.newsflow.enrich.text.Removed;
import io.newsflow.enrich.text.TextDates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/** The HTML path: parse, read metadata, clean the furniture out, find and filter the body. Pure. */
public final class HtmlArticle {
  /** Removal reasons of byline and date lines, and of elements named for them. */
  private static final Set<String> META_REASONS =
      Set.of(
          "rule:byline",
          "rule:bylines",
          "rule:author",
          "rule:authors",
          "rule:date",
          "rule:dateline",
          "rule:timestamp",
          "rule:published",
          "rule:updated");

  private static final Set<String> AUTHOR_REASONS =
      Set.of("rule:byline", "rule:bylines", "rule:author", "rule:authors");

  /** Paragraphs at each end of the body that may be a byline or date line. */
  private static final int EDGE_PARAGRAPHS = 2;

  private HtmlArticle() {}

  /** The names of {@link #kindFeatures}, in order. */
  public static List<String> kindFeatureNames() {
    return PageKinds.FEATURES;
  }

  /** The features the page-kind decision weighs, for measuring and fitting it. */
  public static double[] kindFeatures(String html, String sourceUrl) {
    double[][] out = new double[1][];
    run(html, sourceUrl, out);
    return out[0];
  }

  /** Extracts article and metadata from a decoded page; never throws on malformed markup. */
  public static Extraction extract(String html, String sourceUrl) {
    return run(html, sourceUrl, null);
  }

  /** The page parsed as the extractor reads it (CDATA sections reopened as browsers do). */
  static Document parse(String html, String sourceUrl) {
    Document doc = Jsoup.parse(html, sourceUrl == null ? "" : sourceUrl);
    if (html.contains("<![CDATA[")) {
      reopenCdata(doc.body());
    }
    return doc;
  }

  private static Extraction run(String html, String sourceUrl, double[][] features) {
    Document doc = parse(html, sourceUrl);
    PageMetadata meta = PageMetadata.read(doc);
    Element body = doc.body();
    List<Removed> removed = new ArrayList<>();
    PageKinds.Microdata micro = PageKinds.Microdata.of(body);
    BodyFinder.Result found = BodyFinder.find(body, DomCleaner.clean(body), meta.title(), removed);
    List<String> paragraphs = found.paragraphs();
    List<String> kindParagraphs = found.kindParagraphs();
    if (meta.jsonLdBody() != null && preferJsonLd(paragraphs, meta.jsonLdBody())) {
      // the markup holds a stub (script-rendered page, teaser before a wall) but the JSON-LD has
      // the story
      removed.add(
          new Removed(DomCleaner.clip(String.join(" / ", paragraphs)), "density:stub-body"));
      paragraphs = splitParagraphs(meta.jsonLdBody());
    }
    if (meta.jsonLdBody() != null
        && kindParagraphs != found.paragraphs()
        && preferJsonLd(kindParagraphs, meta.jsonLdBody())) {
      kindParagraphs = splitParagraphs(meta.jsonLdBody());
    } else if (kindParagraphs == found.paragraphs()) {
      // the same body: the same choice
      kindParagraphs = paragraphs;
    }
    String language =
        meta.language() != null
            ? meta.language()
            : LanguageDetector.detect(String.join(" ", paragraphs));
    Datelines.Dateline dateline = Datelines.first(paragraphs);
    Fallbacks f = new Fallbacks(meta.authors(), meta.published(), meta.modified());
    if (f.authors.isEmpty() || Authors.allHandles(f.authors)) {
      // the byline under the headline; it beats account names ("jdoe42") of the markup
      List<String> shown = HeaderBylines.read(body);
      f.authors = shown.isEmpty() ? f.authors : shown;
    }
    // a missing modification time alone is common and not worth the search
    if (f.authors.isEmpty() || f.published == null) {
      f.readMetaLines(removed, paragraphs, language);
    }
    DateLines.Shown shownDates = null;
    if (f.published == null) {
      shownDates = DateLines.shown(body, language);
      f.published = shownDates.published();
    }
    boolean shownDate = f.published != null;
    if (f.published == null) {
      f.published =
          first(
              meta.pageDate(),
              first(TextDates.fromUrl(meta.canonicalUrl()), TextDates.fromUrl(sourceUrl)));
    }
    if (f.published == null) {
      // a page that shows only when it was updated: that is the oldest date it gives
      f.published = first(f.modified, shownDates == null ? null : shownDates.updated());
    }
    String site = meta.siteName();
    if (site == null) {
      site = first(dateline == null ? null : dateline.agency(), f.agency);
    }
    PageKinds.Signals signals =
        PageKinds.read(body, meta, f.authors, shownDate, kindParagraphs, sourceUrl, micro);
    if (features != null) {
      features[0] = PageKinds.features(signals);
    }
    // when fitting, the model being fitted may not match the features yet: no decision then
    PageKind kind = features != null ? PageKind.ARTICLE : PageKinds.decide(signals);
    // read after the page kind, whose "has an author" these would blur: elements classed for the
    // author (teasers of listing pages have them too), and the owner of "Jane Doe's blog"
    if (f.authors.isEmpty()) {
      f.authors = PageAuthors.classedNames(doc, meta.siteName());
    }
    if (f.authors.isEmpty()) {
      String owner = PageAuthors.siteOwner(meta.siteName());
      f.authors = owner == null ? f.authors : List.of(owner);
    }
    // "Jane Doe, CNN Business": the site under another label is no author
    f.authors = Bylines.withoutSite(f.authors, meta.siteName());
    return new Extraction(
        meta.title(),
        paragraphs,
        removed,
        language,
        f.published,
        f.modified,
        f.authors,
        dateline == null ? null : dateline.place(),
        site,
        meta.canonicalUrl(),
        meta.imageUrl(),
        kind);
  }

  /**
   * Byline and date lines the body search dropped ("By Ana Ruiz and Tom Bell", "Updated: Nov. 19,
   * 2026 5:30 p.m.") fill in what the structured metadata lacks.
   */
  private static final class Fallbacks {
    List<String> authors;
    String published;
    String modified;
    String agency;

    Fallbacks(List<String> authors, String published, String modified) {
      this.authors = authors;
      this.published = published;
      this.modified = modified;
    }

    void readMetaLines(List<Removed> removed, List<String> paragraphs, String language) {
      List<String> names = new ArrayList<>();
      for (Removed r : removed) {
        if (META_REASONS.contains(r.reason())) {
          boolean authorElement = AUTHOR_REASONS.contains(r.reason());
          for (String piece : r.text().split(" / ")) {
            read(piece, authorElement, names, language);
          }
        }
      }
      // byline and date lines the body kept (forms the line rules do not know) count too
      int n = paragraphs.size();
      for (int i = 0; i < n; i++) {
        if (i < EDGE_PARAGRAPHS || i >= n - EDGE_PARAGRAPHS) {
          read(paragraphs.get(i), false, names, language);
        }
      }
      if (authors.isEmpty()) {
        authors = Bylines.dedupe(names);
      }
    }

    private void read(String line, boolean authorElement, List<String> names, String language) {
      MetaLine m = MetaLine.read(line);
      if (m == null) {
        // an element named for the author may hold the bare name ("Carrie Arnold")
        List<String> bare = authorElement ? Bylines.fromNames(line) : null;
        names.addAll(bare == null ? List.of() : bare);
        return;
      }
      names.addAll(m.authors());
      agency = agency == null ? m.agency() : agency;
      TextDates.Found d = m.date() == null ? null : TextDates.parseLine(m.date(), language);
      if (d != null && !d.updated() && published == null) {
        published = d.iso();
      } else if (d != null && d.updated() && modified == null) {
        modified = d.iso();
      }
    }
  }

  /**
   * A {@code <![CDATA[} in HTML content (outside {@code <svg>} and {@code <math>}) is a bogus
   * comment to a browser, which ends at the next {@code >} and shows the markup after it; the
   * parser reads it as a CDATA section instead, so the rest of the page up to {@code ]]>} would be
   * one text node (a saved forum page's whole thread). Such sections are parsed again as the
   * browser reads them.
   */
  static void reopenCdata(Element body) {
    if (body == null) {
      return;
    }
    List<CDataNode> found = new ArrayList<>();
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof CDataNode c && !inForeignContent(c)) {
            found.add(c);
          }
        },
        body);
    for (CDataNode c : found) {
      String text = c.getWholeText();
      int end = text.indexOf('>');
      Element parent = c.parent() != null ? c.parent() : body;
      String rest = end < 0 ? "" : text.substring(end + 1);
      List<Node> nodes = Parser.parseFragment(rest, parent, body.baseUri());
      for (Node n : nodes) {
        c.before(n);
      }
      c.remove();
    }
  }

  private static boolean inForeignContent(Node n) {
    for (Node p = n.parentNode(); p instanceof Element e; p = p.parentNode()) {
      String name = e.normalName();
      if (name.equals("svg") || name.equals("math")) {
        return true;
      }
    }
    return false;
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
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
