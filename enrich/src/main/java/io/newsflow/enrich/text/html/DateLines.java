package io.newsflow.enrich.text.html;

import io.newsflow.enrich.text.TextDates;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The publication date a page shows but does not mark up: the first element whose whole text is a
 * date ("Dec 12, 2025", "Veröffentlicht am 20. März 2026"), after the page's {@code <h1>}, or right
 * before it (at most {@value #NEAR} lines between them: the headline's own header, "Feb 4, 2025 ·
 * 11 min" above the title); a date further before it is a header's "today", unless the page has no
 * {@code <h1>}. A date labelled as an update is not a publication date; it is kept apart. Pure.
 */
final class DateLines {
  private static final int MIN_CHARS = 6;
  private static final int MAX_CHARS = 60;

  /** Text lines that may stand between a date and the {@code <h1>} it belongs to. */
  static final int NEAR = 3;

  /**
   * The dates a page shows.
   *
   * @param published the publication date, ISO-8601, or null
   * @param updated the first date labelled as an update, ISO-8601, or null
   */
  record Shown(String published, String updated) {}

  private DateLines() {}

  /**
   * The date, ISO-8601, or null.
   *
   * @param body the page's body
   * @param language ISO 639-1 code of the page, or null
   */
  static String published(Element body, String language) {
    return shown(body, language).published();
  }

  /** The publication and update dates the page shows; see the class comment. */
  static Shown shown(Element body, String language) {
    Finder f = new Finder(language);
    NodeTraversor.filter(f, body);
    String published =
        f.nearHeading != null
            ? f.nearHeading
            : f.afterHeading != null ? f.afterHeading : f.sawHeading ? null : f.beforeHeading;
    return new Shown(published, f.updated);
  }

  /** A line-sized element: a few children, each a leaf or nearly (its text is cheap to build). */
  private static boolean small(Element p) {
    if (p.childNodeSize() > 6) {
      return false;
    }
    for (Element c : p.children()) {
      if (c.childNodeSize() > 2) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static final class Finder implements NodeFilter {
    final String language;
    boolean sawHeading;
    String beforeHeading;
    String afterHeading;
    String nearHeading;
    String updated;
    String lastBefore;
    int lastBeforeAt;
    int lines;

    Finder(String language) {
      this.language = language;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof Element e && e.normalName().equals("h1")) {
        if (!sawHeading && lastBefore != null && lines - lastBeforeAt <= NEAR) {
          nearHeading = lastBefore;
        }
        sawHeading = true;
        return FilterResult.SKIP_CHILDREN;
      }
      if (!(node instanceof TextNode t) || t.isBlank()) {
        return FilterResult.CONTINUE;
      }
      lines++;
      TextDates.Found found = date(t);
      if (found != null && found.updated()) {
        updated = updated == null ? found.iso() : updated;
      } else if (found != null) {
        if (sawHeading) {
          afterHeading = found.iso();
          return FilterResult.STOP;
        }
        beforeHeading = beforeHeading == null ? found.iso() : beforeHeading;
        lastBefore = found.iso();
        lastBeforeAt = lines;
      }
      return FilterResult.CONTINUE;
    }

    private TextDates.Found date(TextNode t) {
      String raw = t.getWholeText();
      TextDates.Found f = null;
      if (raw.length() <= 4 * MAX_CHARS && hasDigit(raw)) {
        String text = t.text().strip();
        if (text.length() >= MIN_CHARS && text.length() <= MAX_CHARS) {
          f = TextDates.parseLine(text, language);
        }
      }
      Node parent = t.parent();
      if (f == null && parent instanceof Element p && t.siblingIndex() == 0 && small(p)) {
        // "<span>Published</span> <time>Dec 12, 2025</time>": the line is the parent's text
        String whole = p.text();
        f =
            whole.length() <= MAX_CHARS && hasDigit(whole)
                ? TextDates.parseLine(whole, language)
                : null;
      }
      return f;
    }
  }
}
