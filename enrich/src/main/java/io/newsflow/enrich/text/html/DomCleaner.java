package io.newsflow.enrich.text.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Prepares a page for the body search: removes markup that never holds story text (scripts, form
 * controls, media, captions) and small hidden elements, and marks elements whose tag, role or
 * class/id name them as navigation, sharing, related links, comments, promos and the like (marked,
 * not removed: a story container can carry such a name).
 */
final class DomCleaner {
  private static final Set<String> NEVER_TEXT =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "canvas",
          "iframe",
          "object",
          "embed",
          "button",
          "input",
          "select",
          "textarea",
          "option",
          "link",
          "meta",
          "dialog",
          "video",
          "audio",
          "map",
          "math",
          "figcaption",
          "head",
          "title",
          "base");
  private static final Set<String> FURNITURE_TAGS =
      Set.of("nav", "aside", "footer", "header", "menu");
  private static final Set<String> FURNITURE_ROLES =
      Set.of(
          "navigation",
          "complementary",
          "banner",
          "contentinfo",
          "dialog",
          "alertdialog",
          "menu",
          "menubar",
          "search",
          "toolbar");
  // Class/id words that name furniture. Layout words that templates also put on the story's own
  // wrappers ("content-with-sidebar", "main-nav-offset", "paywall", "widget", "meta") are left out.
  private static final Set<String> FURNITURE_TOKENS =
      Set.of(
          "sponsor",
          "sponsored",
          "breadcrumb",
          "breadcrumbs",
          "footer",
          "masthead",
          "toolbar",
          "tags",
          "topics",
          "keywords",
          "print",
          "popup",
          "skip",
          "byline",
          "bylines",
          "author",
          "authors",
          "dateline",
          "timestamp",
          "date",
          "published",
          "updated",
          "caption",
          "credit",
          "credits",
          "signup",
          "subscribe",
          "subscription",
          "login",
          "signin",
          "rating",
          "reactions",
          "sr",
          "visually",
          "offscreen",
          "promo",
          "promos",
          "teaser",
          "teasers",
          "recirc",
          "recirculation",
          "share",
          "sharing",
          "shares",
          "social",
          "follow",
          "newsletter",
          "newsletters",
          "cookie",
          "cookies",
          "consent",
          "gdpr",
          "related",
          "recommended",
          "recommendations",
          "trending",
          "popular",
          "outbrain",
          "taboola",
          "disqus",
          "comment",
          "comments",
          "feedback",
          "gallery",
          "slideshow",
          "carousel",
          "icon",
          "icons",
          "logo",
          "search",
          "toc",
          "navbar",
          "navigation",
          "widgets");
  private static final String[] FURNITURE_SUBSTRINGS = {
    "share", "social", "related", "newsletter", "subscribe", "promo", "sponsor", "cookie",
        "breadcrumb", "taboola",
    "outbrain", "recommend", "trending", "popular", "byline", "caption", "disqus", "mostread",
        "alsoread", "also-read",
    "most-read", "more-stories", "more-from", "comment-", "comments", "signup", "newsfeed",
        "morestories", "recirc"
  };
  private static final Pattern HIDDEN_STYLE =
      Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  private DomCleaner() {}

  /**
   * Removes markup that never holds story text and small hidden elements, and returns the elements
   * whose tag, role or name say they are furniture, each with its reason. Those are only marked:
   * whether they hold the story is decided by {@link BodyFinder}.
   */
  static Map<Element, String> clean(Element body) {
    // the length of the body's text, and a lower bound of it; -1 until needed
    int[] total = {-1, -1};
    List<Element> drop = new ArrayList<>();
    Map<Element, String> marks = new IdentityHashMap<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e) || e == body) {
              return FilterResult.CONTINUE;
            }
            String why = reason(e, body, total);
            if (why == null) {
              return FilterResult.CONTINUE;
            }
            if (why.startsWith("drop:")) {
              drop.add(e);
              return FilterResult.SKIP_ENTIRELY;
            }
            marks.put(e, why);
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        body);
    for (Element e : drop) {
      e.remove();
    }
    return marks;
  }

  private static String reason(Element e, Element body, int[] total) {
    String tag = e.normalName();
    if (NEVER_TEXT.contains(tag)) {
      return "drop:tag";
    }
    if (e.hasAttr("hidden")
        || "true".equals(e.attr("aria-hidden"))
        || (e.hasAttr("style") && HIDDEN_STYLE.matcher(e.attr("style")).find())) {
      // a page that hides most of its text until a script runs still has its story there
      int hidden = e.text().length();
      if (total[1] < 0) {
        total[1] = Math.max(1, visibleChars(body));
      }
      if (hidden < total[1] / 3) {
        // the body's text is at least that long: no need to build it
        return "drop:hidden";
      }
      if (total[0] < 0) {
        total[0] = Math.max(1, body.text().length());
      }
      return hidden < total[0] / 3 ? "drop:hidden" : null;
    }
    if ("articleBody".equalsIgnoreCase(e.attr("itemprop"))
        || tag.equals("article")
        || tag.equals("main")
        || tag.equals("body")) {
      return null;
    }
    if (FURNITURE_TAGS.contains(tag)) {
      return tag;
    }
    if (FURNITURE_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))) {
      return "role-" + e.attr("role").toLowerCase(Locale.ROOT);
    }
    if (!e.hasAttr("class") && !e.hasAttr("id")) {
      return null;
    }
    String hint = nameHint(e.className());
    if (hint != null || e.id().isEmpty()) {
      return hint;
    }
    hint = nameHint(e.id());
    // an id made from a heading's words ("how-popular-is-…", "toc_why-comments-matter") is a
    // link target, not a name for furniture
    return hint != null && isHeadingAnchor(e, e.id()) ? null : hint;
  }

  /**
   * A lower bound of {@code root.text().length()} that builds no string: the characters of its text
   * nodes that are neither whitespace nor invisible (zero-width space, soft hyphen), which jsoup's
   * {@code text()} keeps one for one while it folds whitespace.
   */
  static int visibleChars(Element root) {
    int[] n = {0};
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof TextNode t) {
            String w = t.getWholeText();
            for (int i = 0; i < w.length(); i++) {
              char c = w.charAt(i);
              boolean blank =
                  c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0';
              n[0] += blank || c == '\u200b' || c == '\u00ad' ? 0 : 1;
            }
          }
        },
        root);
    return n[0];
  }

  /**
   * Whether an id is a slug of the element's heading: three or more words, at least half of them in
   * the text of the element (a heading) or of its first heading.
   */
  static boolean isHeadingAnchor(Element e, String id) {
    String[] parts = id.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    List<String> words = new ArrayList<>();
    for (String w : parts) {
      if (w.length() >= 3 && !w.chars().allMatch(Character::isDigit)) {
        words.add(w);
      }
    }
    if (words.size() < 3) {
      return false;
    }
    Element heading =
        e.normalName().matches("h[1-6]") ? e : e.selectFirst("h1, h2, h3, h4, h5, h6");
    if (heading == null) {
      return false;
    }
    String text = heading.text().toLowerCase(Locale.ROOT);
    int found = 0;
    for (String w : words) {
      found += text.contains(w) ? 1 : 0;
    }
    return 2 * found >= words.size();
  }

  /** Returns the furniture word in a class/id string, or null. */
  static String nameHint(String names) {
    String s = names.toLowerCase(Locale.ROOT);
    if (s.isBlank()) {
      return null;
    }
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean alnum = i < s.length() && (Character.isLetterOrDigit(s.charAt(i)));
      if (alnum && start < 0) {
        start = i;
      } else if (!alnum && start >= 0) {
        String tok = s.substring(start, i);
        start = -1;
        if (FURNITURE_TOKENS.contains(tok)) {
          return tok;
        }
      }
    }
    for (String sub : FURNITURE_SUBSTRINGS) {
      if (s.contains(sub)) {
        return sub;
      }
    }
    return null;
  }

  static String clip(String t) {
    return t.length() <= 300 ? t : t.substring(0, 297) + "...";
  }
}
