package io.newsflow.enrich.text.html;

import io.newsflow.enrich.text.Bylines;
import io.newsflow.enrich.text.MetaLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The byline a page shows under its headline but does not mark up: the first short line after the
 * page's {@code <h1>} that reads as a byline ("By Amy Wilhelm", "Von Anna Muster und Jan Beispiel ·
 * 3. März 2026"), or the first link to an author's page there ({@code /author/jane-doe}, {@code
 * /autor/…}, {@code /auteur/…}) whose text is a name, with the author links beside it. Only the
 * first {@value #MAX_LINES} lines after the heading are read: bylines further down belong to
 * teasers and comments. Pure.
 */
final class HeaderBylines {
  /** Text lines read after the heading. */
  static final int MAX_LINES = 25;

  private static final int MAX_LINE_CHARS = 160;
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** A name of two to four words followed by an editor's code in brackets: "Elena Muster (emu)". */
  private static final String INITIALED =
      "\\p{Lu}[\\p{L}\\p{M}.'’\\-]*(?:\\s+\\p{L}[\\p{L}\\p{M}.'’\\-]*){1,3}\\s*\\(\\p{Ll}{2,4}\\)";

  /** A line of such names, in a list ("A (abc), B (def) und C (ghi)"). */
  private static final Pattern INITIALED_LINE =
      Pattern.compile(
          INITIALED + "(?:\\s*(?:,|;|&|and|und|y|et|e|sowie)\\s*" + INITIALED + ")*\\s*[.,]?");

  /** A path segment that names an author's page, in the languages the line rules know. */
  private static final Pattern AUTHOR_PATH =
      Pattern.compile(
          "/(?:author|authors|autor|autores|autora|autoren|auteur|auteurs|autore|autori"
              + "|writer|writers|journalist|journalists|contributor|contributors|redakteur"
              + "|redaktion/autor|periodista|periodistas|byline|people|staff|profile|profiles"
              + "|producers|columnist|columnists)/[^/?#]+",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "span",
          "section",
          "header",
          "footer",
          "address",
          "td",
          "dd",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "figcaption",
          "small",
          "em",
          "strong",
          "i",
          "b");

  /** Words of a link's label that no name holds ("View More Articles", "Alle Artikel"). */
  private static final Set<String> UI_WORDS =
      Set.of(
          "view",
          "more",
          "all",
          "see",
          "posts",
          "articles",
          "stories",
          "profile",
          "bio",
          "read",
          "follow",
          "contact",
          "email",
          "website",
          "mehr",
          "alle",
          "artikel",
          "voir",
          "plus",
          "ver",
          "más",
          "todos",
          "artículos",
          "mais",
          "todas",
          "leia",
          "tutti",
          "articoli");

  private HeaderBylines() {}

  private static boolean hasUiWord(String text) {
    for (String w : SPACES.split(text.toLowerCase(java.util.Locale.ROOT))) {
      if (UI_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The names, in order, or an empty list.
   *
   * @param body the page's body, before cleaning
   */
  static List<String> read(Element body) {
    Finder f = new Finder();
    NodeTraversor.filter(f, body);
    return f.names == null ? List.of() : Bylines.dedupe(f.names);
  }

  /** Whether a link points at an author's page. */
  static boolean isAuthorLink(Element a) {
    return a.normalName().equals("a") && AUTHOR_PATH.matcher(a.attr("href")).find();
  }

  private static final class Finder implements NodeFilter {
    boolean sawHeading;
    int lines;
    List<String> names;
    Element lastLine;

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof Element e) {
        if (e.normalName().equals("h1") && !sawHeading && Titles.headingText(e) != null) {
          sawHeading = true;
          return FilterResult.SKIP_CHILDREN;
        }
        if (sawHeading && isAuthorLink(e)) {
          List<String> linked = linkNames(e);
          if (!linked.isEmpty()) {
            names = linked;
            return FilterResult.STOP;
          }
        }
        return FilterResult.CONTINUE;
      }
      if (!sawHeading || !(node instanceof TextNode t) || t.isBlank()) {
        return FilterResult.CONTINUE;
      }
      if (++lines > MAX_LINES) {
        return FilterResult.STOP;
      }
      Element line = lineOf(t);
      if (line == null || line == lastLine) {
        return FilterResult.CONTINUE;
      }
      lastLine = line;
      String text = lineText(line);
      MetaLine m = text.length() <= MAX_LINE_CHARS ? MetaLine.read(text) : null;
      if (m != null && m.byline() && !m.authors().isEmpty()) {
        names = new ArrayList<>(m.authors());
        return FilterResult.STOP;
      }
      if (m == null && text.length() <= MAX_LINE_CHARS && INITIALED_LINE.matcher(text).matches()) {
        // names each followed by an editor's code in brackets, without "By": "Elena Muster (emu)"
        List<String> n = Bylines.fromStructured(text, null);
        if (!n.isEmpty()) {
          names = new ArrayList<>(n);
          return FilterResult.STOP;
        }
      }
      return FilterResult.CONTINUE;
    }

    /** The nearest block-like ancestor of a text node whose text is a line, or null. */
    private static Element lineOf(TextNode t) {
      Element p = t.parent();
      for (int up = 0; p != null && up < 3; up++, p = p.parent()) {
        if (BLOCKS.contains(p.normalName()) && p.text().length() > MAX_LINE_CHARS) {
          return null;
        }
        if (BLOCKS.contains(p.normalName()) && !p.normalName().equals("span")) {
          return p;
        }
      }
      return t.parent();
    }

    /**
     * An element's text with a space between its text nodes: templates write "<span>By</span><span>
     * Jane Doe</span>" with nothing between the two.
     */
    private static String lineText(Element e) {
      StringBuilder b = new StringBuilder();
      for (TextNode t : e.textNodes().size() == e.childNodeSize() ? e.textNodes() : allText(e)) {
        b.append(t.text()).append(' ');
      }
      return SPACES.matcher(b).replaceAll(" ").strip();
    }

    private static List<TextNode> allText(Element e) {
      List<TextNode> out = new ArrayList<>();
      NodeTraversor.traverse(
          (n, d) -> {
            if (n instanceof TextNode t) {
              out.add(t);
            }
          },
          e);
      return out;
    }

    /** The names of an author link and of the author links beside it (one byline of several). */
    private static List<String> linkNames(Element a) {
      List<String> out = new ArrayList<>();
      Element scope = a.parent() != null && a.parent().parent() != null ? a.parent().parent() : a;
      List<Element> links =
          scope.text().length() <= 3 * MAX_LINE_CHARS ? scope.select("a") : List.of(a);
      for (Element l : links) {
        if (!isAuthorLink(l)) {
          continue;
        }
        // the link says it is an author's page: its text is read as a structured name
        String text = lineText(l);
        List<String> n = Bylines.fromByline(text);
        if (n == null && Bylines.mayBeNames(text) && !hasUiWord(text)) {
          n = Bylines.fromStructured(text, null);
        }
        if (n != null) {
          out.addAll(n);
        }
      }
      return out;
    }
  }
}
