package io.newsflow.enrich.text.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's metadata, trusted in this order: JSON-LD, then OpenGraph and meta tags, then
 * {@code <time>} and the markup.
 *
 * @param jsonLdBody the JSON-LD {@code articleBody}, or null; used to confirm the body found in the markup
 */
public record PageMetadata(
    String title,
    String siteName,
    List<String> authors,
    String published,
    String modified,
    String canonicalUrl,
    String imageUrl,
    String language,
    String jsonLdBody) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES =
      Set.of("newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "opinionnewsarticle",
          "backgroundnewsarticle", "reviewnewsarticle", "socialmediaposting", "webpage", "liveblogposting", "techarticle",
          "scholarlyarticle", "report");
  private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+[|\\-–—:·•»/]\\s+|\\s+::\\s+");

  /** Reads the metadata of a parsed page. Never throws on malformed JSON-LD. */
  public static PageMetadata read(Document doc) {
    JsonNode ld = articleJsonLd(doc);
    String site = first(text(ld, "publisher", "name"), meta(doc, "og:site_name"), meta(doc, "application-name"));
    String rawTitle = first(text(ld, "headline"), meta(doc, "og:title"), meta(doc, "twitter:title"), h1(doc), doc.title());
    String title = stripSiteName(rawTitle, site);
    List<String> authors = authors(ld, doc);
    String published = first(text(ld, "datePublished"), meta(doc, "article:published_time"), meta(doc, "og:article:published_time"),
        meta(doc, "pubdate"), meta(doc, "publishdate"), meta(doc, "date"), meta(doc, "dc.date"), meta(doc, "dcterms.created"),
        meta(doc, "parsely-pub-date"), meta(doc, "sailthru.date"), timeAttr(doc));
    String modified = first(text(ld, "dateModified"), meta(doc, "article:modified_time"), meta(doc, "og:updated_time"),
        meta(doc, "dcterms.modified"), meta(doc, "last-modified"));
    String canonical = first(attr(doc, "link[rel=canonical]", "abs:href"), meta(doc, "og:url"), text(ld, "url"));
    String image = first(image(ld), meta(doc, "og:image"), meta(doc, "twitter:image"));
    String lang = first(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"),
        meta(doc, "content-language"), meta(doc, "og:locale"), text(ld, "inLanguage"));
    return new PageMetadata(title, site, authors, published, modified, canonical, image, normLang(lang), text(ld, "articleBody"));
  }

  static String normLang(String lang) {
    if (lang == null || lang.isBlank()) {
      return null;
    }
    String l = lang.strip().toLowerCase(Locale.ROOT);
    int cut = l.indexOf('-') > 0 ? l.indexOf('-') : l.indexOf('_');
    l = cut > 0 ? l.substring(0, cut) : l;
    return l.matches("[a-z]{2,3}") ? l : null;
  }

  /** Drops a " | Site" or "Site - " part from a page title. */
  static String stripSiteName(String title, String site) {
    if (title == null) {
      return null;
    }
    String t = title.strip().replaceAll("\\s+", " ");
    String[] parts = TITLE_SEPARATORS.split(t);
    if (parts.length < 2) {
      return t.isEmpty() ? null : t;
    }
    String siteNorm = site == null ? "" : BodyFinder.norm(site);
    List<String> keep = new ArrayList<>();
    for (String p : parts) {
      String n = BodyFinder.norm(p);
      if (!siteNorm.isEmpty() && (n.equals(siteNorm) || n.replace(" ", "").equals(siteNorm.replace(" ", "")))) {
        continue;
      }
      keep.add(p);
    }
    if (keep.size() == parts.length) {
      // no known site name: drop a short last segment ("Title | Outlet")
      String last = parts[parts.length - 1];
      if (last.split(" ").length <= 4 && parts[0].length() > 2 * last.length()) {
        return t.substring(0, t.lastIndexOf(last)).replaceAll("[\\s|\\-–—:·•»/]+$", "");
      }
      return t;
    }
    return keep.isEmpty() ? t : String.join(" - ", keep);
  }

  private static JsonNode articleJsonLd(Document doc) {
    for (Element s : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode root = JSON.readTree(s.data());
        JsonNode hit = findArticle(root, 0);
        if (hit != null) {
          return hit;
        }
      } catch (Exception malformed) {
        // pages often ship broken JSON-LD: ignore it and fall back to the meta tags
      }
    }
    return null;
  }

  private static JsonNode findArticle(JsonNode n, int depth) {
    if (n == null || depth > 6) {
      return null;
    }
    if (n.isArray()) {
      for (JsonNode c : n) {
        JsonNode hit = findArticle(c, depth + 1);
        if (hit != null) {
          return hit;
        }
      }
      return null;
    }
    if (!n.isObject()) {
      return null;
    }
    JsonNode type = n.get("@type");
    if (type != null) {
      for (JsonNode t : type.isArray() ? type : JSON.createArrayNode().add(type)) {
        if (ARTICLE_TYPES.contains(t.asText().toLowerCase(Locale.ROOT)) && (n.has("headline") || n.has("articleBody"))) {
          return n;
        }
      }
    }
    return findArticle(n.get("@graph"), depth + 1) != null ? findArticle(n.get("@graph"), depth + 1) : findArticle(n.get("mainEntity"), depth + 1);
  }

  private static String text(JsonNode n, String... path) {
    JsonNode cur = n;
    for (String p : path) {
      if (cur == null) {
        return null;
      }
      if (cur.isArray() && cur.size() > 0) {
        cur = cur.get(0);
      }
      cur = cur.get(p);
    }
    if (cur != null && cur.isArray() && cur.size() > 0) {
      cur = cur.get(0);
    }
    return cur == null || !cur.isValueNode() ? null : blankToNull(cur.asText());
  }

  private static List<String> authors(JsonNode ld, Document doc) {
    Set<String> out = new LinkedHashSet<>();
    JsonNode a = ld == null ? null : ld.get("author");
    if (a != null) {
      for (JsonNode x : a.isArray() ? a : JSON.createArrayNode().add(a)) {
        String name = x.isTextual() ? x.asText() : x.path("name").asText("");
        if (!name.isBlank() && !name.startsWith("http")) {
          out.add(name.strip());
        }
      }
    }
    if (out.isEmpty()) {
      String m = first(meta(doc, "author"), meta(doc, "article:author"), meta(doc, "parsely-author"), meta(doc, "byl"));
      if (m != null && !m.startsWith("http")) {
        for (String name : m.replaceFirst("(?i)^by\\s+", "").split("\\s*(,|\\band\\b|&)\\s*")) {
          if (!name.isBlank()) {
            out.add(name.strip());
          }
        }
      }
    }
    if (out.isEmpty()) {
      for (Element e : doc.select("[rel=author], [itemprop=author] [itemprop=name], .author-name, .byline__name")) {
        String name = e.text().strip();
        if (!name.isEmpty() && name.length() < 60) {
          out.add(name);
        }
      }
    }
    return List.copyOf(out);
  }

  private static String image(JsonNode ld) {
    if (ld == null || ld.get("image") == null) {
      return null;
    }
    JsonNode img = ld.get("image");
    if (img.isArray() && img.size() > 0) {
      img = img.get(0);
    }
    return img.isTextual() ? blankToNull(img.asText()) : blankToNull(img.path("url").asText(null));
  }

  private static String meta(Document doc, String key) {
    for (Element m : doc.select("meta")) {
      String k = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("http-equiv");
      if (k.equalsIgnoreCase(key)) {
        String v = blankToNull(m.attr("content"));
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  private static String h1(Document doc) {
    Element h = doc.selectFirst("h1");
    return h == null ? null : blankToNull(h.text());
  }

  private static String timeAttr(Document doc) {
    Element t = doc.selectFirst("time[datetime]");
    return t == null ? null : blankToNull(t.attr("datetime"));
  }

  private static String attr(Document doc, String css, String attr) {
    Element e = doc.selectFirst(css);
    return e == null ? null : blankToNull(e.attr(attr));
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
