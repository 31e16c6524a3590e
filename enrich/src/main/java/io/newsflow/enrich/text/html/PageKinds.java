package io.newsflow.enrich.text.html;

import io.newsflow.enrich.text.PageKind;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Tells an article from the other pages a monitored site links to (section fronts, tag pages,
 * product and service pages, forum threads, video pages, live blogs), from the page's structure and
 * its declared types only: no word of any language. Pure.
 */
final class PageKinds {
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "blogposting",
          "scholarlyarticle",
          "techarticle",
          "report");
  private static final Set<String> LISTING_TYPES =
      Set.of("collectionpage", "itemlist", "searchresultspage", "profilepage");
  private static final Set<String> OTHER_TYPES =
      Set.of("product", "offer", "aggregateoffer", "qapage", "discussionforumposting", "question");
  private static final Pattern PRICE =
      Pattern.compile("[$€£¥₹]\\s?\\d|\\d[\\d.,]*\\s?(?:€|zł|kr|CHF|USD|EUR)\\b");

  /** What the decision reads: the page's declared types, its metadata, and counts of its markup. */
  record Signals(
      Set<String> ldTypes,
      String ogType,
      boolean datedByMetadata,
      int authors,
      int bodyChars,
      int paragraphs,
      int longParagraphs,
      int pageChars,
      int linkChars,
      int linkedHeadings,
      int articleElements,
      int prices,
      int authorMarks,
      int codeBlocks,
      int times) {

    /** Share of the page's text that is link text. */
    double linkShare() {
      return pageChars == 0 ? 0.0 : (double) linkChars / pageChars;
    }

    /** Share of the page's text the body holds. */
    double bodyShare() {
      return pageChars == 0 ? 0.0 : (double) bodyChars / pageChars;
    }
  }

  /**
   * Points of {@link #notArticlePoints} from which a page is not an article. Set on the fixed
   * development part of the WCXB pages (see docs/extraction.md) where it keeps out under 2 % of the
   * articles there and 1 of the 181 news pages of the scrapinghub benchmark.
   */
  static final double NOT_ARTICLE = 5;

  private PageKinds() {}

  /**
   * Reads the signals of an extracted page.
   *
   * @param body the page's (cleaned) body element
   * @param paragraphs the body the extractor kept
   */
  static Signals read(
      Element body, PageMetadata meta, List<String> authors, List<String> paragraphs) {
    Counter c = new Counter();
    NodeTraversor.traverse(c, body);
    int chars = 0;
    int longOnes = 0;
    for (String p : paragraphs) {
      chars += p.length();
      longOnes += p.length() >= 200 ? 1 : 0;
    }
    return new Signals(
        meta.ldTypes(),
        meta.ogType(),
        meta.published() != null,
        authors.size(),
        chars,
        paragraphs.size(),
        longOnes,
        c.chars,
        c.linkChars,
        c.linkedHeadings,
        c.articles,
        c.prices,
        c.authorMarks,
        c.code,
        c.times);
  }

  /** The kind of page the signals describe. */
  static PageKind decide(Signals s) {
    Set<String> t = s.ldTypes();
    if (t.contains("liveblogposting")) {
      return PageKind.LIVEBLOG;
    }
    boolean declaredArticle = anyOf(t, ARTICLE_TYPES) || "article".equals(s.ogType());
    if (!declaredArticle && anyOf(t, OTHER_TYPES)) {
      return PageKind.OTHER;
    }
    if (!declaredArticle && anyOf(t, LISTING_TYPES)) {
      return PageKind.LISTING;
    }
    if (s.ogType() != null && s.ogType().startsWith("video") && s.longParagraphs() < 3) {
      return PageKind.VIDEO;
    }
    if (s.ogType() != null && s.ogType().startsWith("product")) {
      return PageKind.OTHER;
    }
    if (declaredArticle && s.datedByMetadata()) {
      // a page that says it is a dated article is one, however much furniture surrounds it
      return PageKind.ARTICLE;
    }
    if (notArticlePoints(s, declaredArticle) < NOT_ARTICLE) {
      return PageKind.ARTICLE;
    }
    return s.linkShare() > 0.5 || s.articleElements() >= 3 || s.prices() >= 3
        ? PageKind.LISTING
        : PageKind.OTHER;
  }

  /**
   * Evidence that a page is not one story: little of its text is the body, much is links, no
   * declared article type, no date, no author, no long paragraph, prices, many author marks or
   * timestamps (posts, teasers), many {@code <article>} elements (cards).
   */
  static double notArticlePoints(Signals s, boolean declaredArticle) {
    double points = 0;
    points += s.bodyShare() < 0.1 ? 2 : s.bodyShare() < 0.2 ? 1 : 0;
    points += s.linkShare() > 0.5 ? 1 : 0;
    points += declaredArticle ? 0 : 1;
    points += s.datedByMetadata() ? 0 : 1;
    points += s.authors() > 0 ? 0 : 0.5;
    points += s.longParagraphs() == 0 ? 2 : s.longParagraphs() < 3 ? 1 : 0;
    points += s.prices() >= 3 ? 1 : 0;
    points += s.authorMarks() >= 3 ? 1 : 0;
    points += s.times() >= 4 ? 1 : 0;
    points += s.articleElements() >= 3 ? 1 : 0;
    return points;
  }

  private static boolean anyOf(Set<String> have, Set<String> wanted) {
    for (String w : wanted) {
      if (have.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Counts in one pass over the body, without building any text. */
  private static final class Counter implements NodeVisitor {
    int chars;
    int linkChars;
    int linkedHeadings;
    int articles;
    int prices;
    int authorMarks;
    int code;
    int times;
    private int inLink;
    private int inHeading;
    private boolean headingCounted;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        text(t.getWholeText());
        return;
      }
      if (!(node instanceof Element e)) {
        return;
      }
      switch (e.normalName()) {
        case "a" -> {
          inLink++;
          if (inHeading > 0 && !headingCounted) {
            linkedHeadings++;
            headingCounted = true;
          }
        }
        case "h2", "h3", "h4" -> {
          inHeading++;
          headingCounted = inHeading > 1 && headingCounted;
        }
        case "article" -> articles++;
        case "pre" -> code++;
        case "time" -> times++;
        default -> {}
      }
      if (e.hasAttr("itemprop") && e.attr("itemprop").equals("author")) {
        authorMarks++;
      }
    }

    private void text(String w) {
      int n = 0;
      boolean digit = false;
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (!Character.isWhitespace(c)) {
          n++;
          digit |= c >= '0' && c <= '9';
        }
      }
      chars += n;
      linkChars += inLink > 0 ? n : 0;
      if (digit && n > 1 && n < 40 && PRICE.matcher(w).find()) {
        prices++;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return;
      }
      switch (e.normalName()) {
        case "a" -> inLink--;
        case "h2", "h3", "h4" -> inHeading--;
        default -> {}
      }
    }
  }
}
