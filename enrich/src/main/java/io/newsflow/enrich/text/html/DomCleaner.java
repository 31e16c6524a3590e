package io.newsflow.enrich.text.html;

import io.newsflow.enrich.text.Removed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Removes page furniture before the body is searched: markup that never holds story text
 * (scripts, forms controls, media), hidden elements, and elements whose tag, role or class/id
 * name them as navigation, sharing, related links, comments, ads, captions and the like. A
 * container that holds a large share of the page's text is never removed on its name alone.
 */
final class DomCleaner {
  private static final Set<String> NEVER_TEXT =
      Set.of(
          "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button",
          "input", "select", "textarea", "option", "link", "meta", "dialog", "video", "audio", "map", "math",
          "figcaption", "head", "title", "base");
  private static final Set<String> FURNITURE_TAGS = Set.of("nav", "aside", "footer", "header", "menu");
  private static final Set<String> FURNITURE_ROLES =
      Set.of("navigation", "complementary", "banner", "contentinfo", "dialog", "alertdialog", "menu", "menubar", "search", "toolbar");
  private static final Set<String> FURNITURE_TOKENS =
      Set.of(
          "ad", "ads", "adslot", "adunit", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored",
          "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "header", "masthead", "toolbar",
          "sidebar", "aside", "widget", "widgets", "tag", "tags", "tagged", "topics", "keywords", "print", "hidden", "hide",
          "popup", "modal", "overlay", "skip", "byline", "bylines", "author", "authors", "dateline", "timestamp", "date",
          "published", "updated", "meta", "caption", "credit", "credits", "signup", "subscribe", "subscription", "paywall",
          "login", "signin", "rating", "reactions", "jump", "sr", "screen", "visually", "offscreen", "promo", "promos",
          "teaser", "teasers", "more", "recirc", "recirculation", "pagination", "pager", "share", "sharing", "shares",
          "social", "follow", "newsletter", "newsletters", "cookie", "cookies", "consent", "gdpr", "banner", "related",
          "recommended", "recommendations", "trending", "popular", "outbrain", "taboola", "disqus", "comment",
          "comments", "feedback", "inline", "embed", "video", "gallery", "slideshow", "carousel", "figure", "image",
          "photo", "thumbnail", "thumb", "icon", "icons", "logo", "search", "alert", "toc", "supplemental", "extra");
  private static final String[] FURNITURE_SUBSTRINGS = {
    "share", "social", "related", "newsletter", "subscribe", "promo", "sponsor", "cookie", "breadcrumb", "sidebar",
    "taboola", "outbrain", "recommend", "trending", "popular", "advert", "byline", "caption", "disqus", "mostread",
    "readmore", "alsoread", "read-more", "also-read", "most-read", "more-stories", "more-from", "comment-", "comments", "signup", "paywall", "newsfeed", "morestories", "recirc"
  };
  // tokens that would also name the story container in some templates ("content-inline", "article-more")
  private static final Set<String> WEAK_TOKENS = Set.of("inline", "embed", "more", "extra", "image", "video", "figure", "photo", "supplemental", "screen");
  private static final Pattern SPLIT = Pattern.compile("[^a-z0-9]+");
  private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  private DomCleaner() {}

  /** Removes furniture in place and records what was removed. */
  static void clean(Element body, List<Removed> removed) {
    int total = Math.max(1, body.text().length());
    List<Element> drop = new ArrayList<>();
    NodeTraversor.filter(
        new org.jsoup.select.NodeFilter() {
          @Override
          public FilterResult head(org.jsoup.nodes.Node node, int depth) {
            if (!(node instanceof Element e) || e == body) {
              return FilterResult.CONTINUE;
            }
            String why = reason(e, total);
            if (why != null) {
              drop.add(e);
              if (!"tag".equals(why)) {
                String t = e.text();
                if (!t.isBlank()) {
                  removed.add(new Removed(clip(t), "rule:" + why));
                }
              }
              return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(org.jsoup.nodes.Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        body);
    for (Element e : drop) {
      e.remove();
    }
  }

  private static String reason(Element e, int total) {
    String tag = e.normalName();
    if (NEVER_TEXT.contains(tag)) {
      return "tag";
    }
    if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) || HIDDEN_STYLE.matcher(e.attr("style")).find()) {
      return e.text().length() < total / 3 ? "hidden" : null;
    }
    if ("articleBody".equalsIgnoreCase(e.attr("itemprop")) || tag.equals("article") || tag.equals("main") || tag.equals("body")) {
      return null;
    }
    String why = null;
    if (FURNITURE_TAGS.contains(tag)) {
      why = tag;
    } else if (FURNITURE_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))) {
      why = "role-" + e.attr("role").toLowerCase(Locale.ROOT);
    } else {
      why = nameHint(e.className() + " " + e.id());
    }
    if (why == null) {
      return null;
    }
    // a container holding much of the page's text is the story's, whatever its name says
    int len = e.text().length();
    int limit = FURNITURE_TAGS.contains(tag) ? total / 3 : total / 4;
    return len < limit || len < 200 ? why : null;
  }

  /** Returns the furniture word in a class/id string, or null. */
  static String nameHint(String names) {
    String s = names.toLowerCase(Locale.ROOT);
    if (s.isBlank()) {
      return null;
    }
    for (String tok : SPLIT.split(s)) {
      if (FURNITURE_TOKENS.contains(tok)) {
        if (!WEAK_TOKENS.contains(tok)) {
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
