package io.newsflow.enrich.text.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.text.Bylines;
import io.newsflow.enrich.text.Outlets;
import io.newsflow.enrich.text.TextDates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * A page's metadata, trusted in this order: JSON-LD, then OpenGraph and meta tags, then {@code
 * <time>} and the markup.
 *
 * @param jsonLdBody the JSON-LD {@code articleBody}, or null; used to confirm the body found in the
 *     markup
 * @param ldTypes every JSON-LD {@code @type} on the page, lower case
 * @param ogType the OpenGraph {@code og:type}, lower case, or null
 * @param pageDate the {@code datePublished} of the page's own JSON-LD node ({@code WebPage} and the
 *     like, top level or in {@code @graph}) when the article node gives none, ISO-8601, or null; a
 *     fallback after the dates the page shows (it is not in {@code published}: templates put it on
 *     every page, product and service pages too)
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
    String jsonLdBody,
    Set<String> ldTypes,
    String ogType,
    Markup markup,
    String pageDate) {

  /**
   * Counts over the whole page, before cleaning, that tell a story from other pages: form controls
   * (search, sign-up, checkout, configurators), buttons, video players.
   */
  public record Markup(int forms, int inputs, int buttons, int videos, int h1s) {
    static final Markup NONE = new Markup(0, 0, 0, 0, 0);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "reportagenewsarticle",
          "blogposting",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "socialmediaposting",
          "webpage",
          "medicalwebpage",
          "liveblogposting",
          "techarticle",
          "scholarlyarticle",
          "report");

  /** Embedded video players, by the host or path of the frame. */
  private static final Pattern PLAYER =
      Pattern.compile(
          "youtube|youtu\\.be|vimeo|dailymotion|jwplayer|brightcove|/player|/embed/video");

  /** A label that ends just before an update stamp, in the languages of the line rules. */
  private static final Pattern UPDATE_LABEL_END =
      Pattern.compile(
          "(?iu)(?:updated|last updated|modified|aktualisiert|zuletzt aktualisiert|geändert"
              + "|actualizado|actualizada|última actualización|mis à jour|mise à jour|modifié"
              + "|atualizado|atualizada|aggiornato|aggiornata)"
              + "(?:\\s+(?:on|at|am|um|el|le|em|il|à|às))?\\s*[:\\-–—]?$");

  private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TITLE_SEPARATORS =
      Pattern.compile("\\s+[|\\-–—:·•»/]\\s+|\\s+::\\s+");

  /** Reads the metadata of a parsed page. Never throws on malformed JSON-LD. */
  public static PageMetadata read(Document doc) {
    Tags tags = Tags.collect(doc);
    List<JsonNode> roots = parse(tags.jsonLd);
    JsonNode ld = articleJsonLd(roots);
    // a forum thread or a question page: its opening post says who wrote it and when
    JsonNode post = ld == null || !ld.has("author") ? findTyped(roots, POST_TYPES) : null;
    String canonical = first(tags.canonical, meta(tags, "og:url"), text(ld, "url"));
    Heading heading = heading(doc, tags, roots, ld, canonical);
    Titles.Inputs titles = heading.inputs();
    String site = heading.siteName();
    String host = titles.host();
    String title = Titles.choose(titles);
    String lang =
        normLang(
            first(
                tags.lang,
                meta(tags, "content-language"),
                meta(tags, "og:locale"),
                text(ld, "inLanguage")));
    String published =
        firstDate(
            lang,
            text(ld, "datePublished"),
            text(post, "datePublished"),
            meta(tags, "article:published_time"),
            meta(tags, "og:article:published_time"),
            meta(tags, "pubdate"),
            meta(tags, "publishdate"),
            meta(tags, "date"),
            meta(tags, "dc.date"),
            meta(tags, "dcterms.created"),
            meta(tags, "parsely-pub-date"),
            meta(tags, "sailthru.date"),
            // Cxense, Highwire (scholarly pages) and the plain-named date tags of many CMSs
            meta(tags, "cxenseparse:recs:publishtime"),
            meta(tags, "cxenseparse:publishtime"),
            meta(tags, "citation_publication_date"),
            meta(tags, "citation_online_date"),
            meta(tags, "citation_date"),
            meta(tags, "dcterms.issued"),
            meta(tags, "dc.date.issued"),
            meta(tags, "published-date"),
            meta(tags, "published_date"),
            meta(tags, "publish-date"),
            meta(tags, "publish_date"),
            meta(tags, "publication-date"),
            meta(tags, "publication_date"),
            meta(tags, "article.published"),
            meta(tags, "itemprop:datepublished"),
            tags.time,
            tags.timeText);
    String modified =
        firstDate(
            lang,
            text(ld, "dateModified"),
            anyNode(roots, "dateModified"),
            meta(tags, "article:modified_time"),
            meta(tags, "og:updated_time"),
            meta(tags, "dcterms.modified"),
            meta(tags, "last-modified"),
            meta(tags, "itemprop:datemodified"),
            tags.timeUpdated);
    String image = first(image(ld), meta(tags, "og:image"), meta(tags, "twitter:image"));
    return new PageMetadata(
        title,
        site,
        withoutProducts(
            PageAuthors.read(
                post != null ? post : ld,
                key ->
                    key.equals(PageAuthors.CITATION_AUTHORS)
                        ? tags.citationAuthors()
                        : meta(tags, key),
                doc,
                site,
                host,
                post != null),
            roots),
        published,
        modified,
        canonical,
        image,
        lang,
        text(ld, "articleBody"),
        types(roots),
        lower(meta(tags, "og:type")),
        new Markup(
            tags.forms,
            tags.inputs,
            tags.buttons,
            tags.videos + (meta(tags, "og:video") != null ? 1 : 0),
            tags.h1Count),
        firstDate(lang, anyNode(roots, "datePublished")));
  }

  /**
   * The site name: JSON-LD publisher, {@code og:site_name}, a JSON-LD site or organisation node,
   * {@code application-name}, the part the page title adds to the headline, a copyright line. A
   * publisher that is a wire agency gives way to the page's own {@code og:site_name}.
   */
  private static Site siteName(
      JsonNode ld,
      List<JsonNode> roots,
      Tags tags,
      String headline,
      String pageTitle,
      String host) {
    String label = SiteNames.hostLabel(host);
    Site publisher = Site.declared(text(ld, "publisher", "name"), label);
    Site og = Site.declared(meta(tags, "og:site_name"), label);
    if (publisher != null && og != null && Bylines.isAgency(publisher.name())) {
      // a wire story republished: the agency is its source, the site is the page's own
      return Bylines.isAgency(og.name()) ? publisher : og;
    }
    if (publisher != null || og != null) {
      return publisher != null ? publisher : og;
    }
    String found = SiteNames.fromJsonLd(roots);
    if (found != null) {
      return new Site(found, found);
    }
    Site app = Site.declared(meta(tags, "application-name"), label);
    if (app != null) {
      return app;
    }
    found = first(SiteNames.fromTitle(pageTitle, headline), copyrightOwner(tags.copyright));
    return found == null ? null : new Site(found, found);
  }

  /**
   * A site's name, and the form its page declared it in ("Outlet | News for the valley"), which is
   * what the page's titles repeat and lose.
   */
  private record Site(String name, String declared) {
    static Site declared(String value, String label) {
      String name = SiteNames.declared(value, label);
      return name == null ? null : new Site(name, value.strip());
    }
  }

  /** What a page's title is chosen from, and the site's name. */
  private record Heading(Titles.Inputs inputs, String siteName) {}

  /**
   * The first candidate that reads as a date, as ISO-8601; a value that is no date at all ("just
   * now", a template's placeholder) is skipped, so a later source or the text can answer.
   */
  private static String firstDate(String lang, String... candidates) {
    for (int i = 0; i < candidates.length; i++) {
      String iso = plausibleDate(candidates[i], lang);
      if (iso != null) {
        return iso.length() == LOCAL_TIME
            ? withZoneFromAgreeing(iso, lang, candidates, i)
            : atLocalOffset(iso, lang, candidates);
      }
    }
    return null;
  }

  private static final java.time.format.DateTimeFormatter LOCAL_SECONDS =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private static final Pattern UTC_TIME =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.\\d+)?(?:Z|[+-]00:?00)");

  /**
   * A time given in UTC, written at the site's own offset when another source gives the same time
   * as the site's local time without a zone ("2019-11-19T04:58:46Z" beside "2019-11-18 20:58:46":
   * -08:00), so that its day is the one the site's readers saw. The two must share minutes and
   * seconds (not both zero) and differ by whole quarter hours, at most 14 hours: the same instant,
   * not another time on the page.
   */
  private static String atLocalOffset(String iso, String lang, String[] candidates) {
    java.util.regex.Matcher utc = UTC_TIME.matcher(iso);
    if (!utc.matches()) {
      return iso;
    }
    java.time.LocalDateTime at = java.time.LocalDateTime.parse(utc.group(1));
    if (at.getMinute() == 0 && at.getSecond() == 0) {
      return iso;
    }
    for (String c : candidates) {
      String other = plausibleDate(c, lang);
      if (other == null || other.length() != LOCAL_TIME) {
        continue;
      }
      java.time.LocalDateTime local;
      try {
        local = java.time.LocalDateTime.parse(other);
      } catch (java.time.format.DateTimeParseException e) {
        continue;
      }
      long seconds = java.time.Duration.between(at, local).getSeconds();
      if (seconds != 0 && seconds % 900 == 0 && Math.abs(seconds) <= 14 * 3600) {
        java.time.ZoneOffset offset = java.time.ZoneOffset.ofTotalSeconds((int) seconds);
        return LOCAL_SECONDS.format(local) + offset.getId();
      }
    }
    return iso;
  }

  /** Length of "2019-11-19T02:24:00": a time without a zone. */
  private static final int LOCAL_TIME = 19;

  /** A candidate as ISO-8601 when it is a date after 1900 (templates write "0001-01-01"). */
  private static String plausibleDate(String candidate, String lang) {
    String iso = TextDates.normalize(candidate, lang);
    return iso != null && ISO_DAY.matcher(iso).lookingAt() && iso.compareTo("1900") > 0
        ? iso
        : null;
  }

  /**
   * A time without a zone takes the zone of a later source that gives the same time with one (two
   * sources agree on "2019-11-19T02:24:00", one of them says "Z").
   */
  private static String withZoneFromAgreeing(
      String iso, String lang, String[] candidates, int from) {
    for (int j = from + 1; j < candidates.length; j++) {
      String other = plausibleDate(candidates[j], lang);
      if (other != null && other.length() > LOCAL_TIME && other.startsWith(iso)) {
        return other;
      }
    }
    return iso;
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
    return stripSiteName(title, site, null);
  }

  /**
   * Drops the parts of a page title that name the site ("Title | Site", "Site - Title", "Title |
   * Section | Site"): a part equal to the site name, a first or last part that names the host ("… |
   * WRAL" on wral.com, "… | Occupational Safety and Health Administration" on osha.gov), else a
   * short last part.
   *
   * @param host the page's host name, or null
   */
  static String stripSiteName(String title, String site, String host) {
    return stripSiteName(title, site, host, true);
  }

  /**
   * As {@link #stripSiteName(String, String, String)}; without {@code shortTail} only parts that
   * name the site, the host or a section ("… | Opinion") go, never a short last part on its own
   * (for a visible headline, whose " - Part Two" belongs to it).
   */
  static String stripSiteName(String title, String site, String host, boolean shortTail) {
    if (title == null) {
      return null;
    }
    String t = title.strip().replaceAll("\\s+", " ");
    List<int[]> spans = new ArrayList<>();
    java.util.regex.Matcher sep = TITLE_SEPARATORS.matcher(t);
    int at = 0;
    while (sep.find()) {
      spans.add(new int[] {at, sep.start()});
      at = sep.end();
    }
    spans.add(new int[] {at, t.length()});
    if (spans.size() < 2) {
      return t.isEmpty() ? null : t;
    }
    String label = SiteNames.hostLabel(host);
    int n = spans.size();
    // the site is named at one end: the last part, else the first (which, when both name the
    // host, is the headline)
    String lastText = part(t, spans.get(n - 1));
    // a visible headline loses only a part that is the site's name, not one that mentions it
    boolean strict = !shortTail;
    boolean dropLast =
        SiteNames.names(lastText, site, label, strict)
            || (Outlets.isSectionLabel(lastText) && spans.get(0)[1] > 2 * lastText.length());
    boolean dropFirst = !dropLast && SiteNames.names(part(t, spans.get(0)), site, label, strict);
    // the site's name (or its tagline) after the headline: it and whatever follows it go ("Headline
    // | Site - Insurance for river towns", "Headline | Site: Insurance for river towns")
    for (int i = 1; i < n; i++) {
      String p = part(t, spans.get(i));
      if ((i < n - 1 && SiteNames.names(p, site, null)) || SiteNames.leadsWithSite(p, site)) {
        return t.substring(0, spans.get(i - 1)[1]).strip();
      }
    }
    List<int[]> keep = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean drop =
          i == n - 1
              ? dropLast
              : i == 0 ? dropFirst : SiteNames.names(part(t, spans.get(i)), site, null);
      if (!drop) {
        keep.add(spans.get(i));
      }
    }
    if (!keep.isEmpty() && keep.size() < spans.size()) {
      return t.substring(keep.get(0)[0], keep.get(keep.size() - 1)[1]).strip();
    }
    if (!shortTail) {
      return t;
    }
    // no known site name: drop a short last segment ("Title | Outlet")
    int[] last = spans.get(spans.size() - 1);
    String lastPart = t.substring(last[0], last[1]);
    if (lastPart.split(" ").length <= 4 && spans.get(0)[1] > 2 * lastPart.length()) {
      return t.substring(0, spans.get(spans.size() - 2)[1]).strip();
    }
    return t;
  }

  private static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      return java.net.URI.create(url.strip().replace(" ", "%20")).getHost();
    } catch (IllegalArgumentException bad) {
      return null;
    }
  }

  private static String part(String t, int[] span) {
    return t.substring(span[0], span[1]);
  }

  private static String lower(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }

  private static final Set<String> PRODUCT_TYPES =
      Set.of("product", "brand", "productgroup", "productmodel", "individualproduct");

  /**
   * Authors less the names of the products and brands the page's JSON-LD describes: a review or
   * shop page's author tag often holds the product ("Aurora Stand Mixer") or its maker.
   */
  private static List<String> withoutProducts(List<String> authors, List<JsonNode> roots) {
    if (authors.isEmpty() || roots.isEmpty()) {
      return authors;
    }
    Set<String> products = new java.util.HashSet<>();
    for (JsonNode r : roots) {
      collectProductNames(r, 0, products);
    }
    if (products.isEmpty()) {
      return authors;
    }
    List<String> out = new ArrayList<>();
    for (String a : authors) {
      if (!products.contains(BodyFinder.norm(a))) {
        out.add(a);
      }
    }
    return out.size() == authors.size() ? authors : List.copyOf(out);
  }

  private static void collectProductNames(JsonNode n, int depth, Set<String> out) {
    if (n == null || depth > 6 || out.size() > 50) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collectProductNames(c, depth + 1, out));
    } else if (n.isObject()) {
      JsonNode t = n.get("@type");
      boolean product = false;
      for (JsonNode x :
          t == null ? JSON.createArrayNode() : t.isArray() ? t : JSON.createArrayNode().add(t)) {
        product |= x.isTextual() && PRODUCT_TYPES.contains(x.asText().toLowerCase(Locale.ROOT));
      }
      JsonNode name = n.get("name");
      String clean =
          product && name != null && name.isTextual() ? Titles.clean(name.asText()) : null;
      if (clean != null) {
        out.add(BodyFinder.norm(clean));
      }
      n.properties().forEach(e -> collectProductNames(e.getValue(), depth + 1, out));
    }
  }

  /** Every {@code @type} in the JSON-LD, at any depth up to 6. */
  private static Set<String> types(List<JsonNode> roots) {
    Set<String> out = new java.util.HashSet<>();
    for (JsonNode r : roots) {
      collectTypes(r, 0, out);
    }
    return Set.copyOf(out);
  }

  private static void collectTypes(JsonNode n, int depth, Set<String> out) {
    if (n == null || depth > 6 || out.size() > 50) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collectTypes(c, depth + 1, out));
    } else if (n.isObject()) {
      JsonNode t = n.get("@type");
      if (t != null) {
        for (JsonNode x : t.isArray() ? t : JSON.createArrayNode().add(t)) {
          if (x.isTextual()) {
            out.add(x.asText().toLowerCase(Locale.ROOT));
          }
        }
      }
      n.properties().forEach(e -> collectTypes(e.getValue(), depth + 1, out));
    }
  }

  private static List<JsonNode> parse(List<String> scripts) {
    List<JsonNode> roots = new ArrayList<>();
    for (String data : scripts) {
      try {
        roots.add(JSON.readTree(data));
      } catch (Exception malformed) {
        // pages often ship broken JSON-LD: ignore it and fall back to the meta tags
      }
    }
    return roots;
  }

  private static final Set<String> POST_TYPES = Set.of("discussionforumposting", "question");

  /**
   * The first node of one of the types, top level, in {@code @graph} or as a {@code mainEntity} (a
   * {@code QAPage}'s question), or null.
   */
  private static JsonNode findTyped(List<JsonNode> roots, Set<String> wanted) {
    return findNode(roots, n -> hasType(n, wanted));
  }

  /** The first article node (an article type with a headline or a body), found as above. */
  private static JsonNode articleJsonLd(List<JsonNode> roots) {
    return findNode(
        roots, n -> hasType(n, ARTICLE_TYPES) && (n.has("headline") || n.has("articleBody")));
  }

  private static JsonNode findNode(List<JsonNode> roots, Predicate<JsonNode> accept) {
    for (JsonNode root : roots) {
      JsonNode hit = findNode(root, accept, 0);
      if (hit != null) {
        return hit;
      }
    }
    return null;
  }

  /** Depth first: arrays' items, the node itself, then its {@code @graph}, then its mainEntity. */
  private static JsonNode findNode(JsonNode n, Predicate<JsonNode> accept, int depth) {
    if (n == null || depth > 6) {
      return null;
    }
    if (n.isArray()) {
      for (JsonNode c : n) {
        JsonNode hit = findNode(c, accept, depth + 1);
        if (hit != null) {
          return hit;
        }
      }
      return null;
    }
    if (!n.isObject()) {
      return null;
    }
    if (accept.test(n)) {
      return n;
    }
    JsonNode inGraph = findNode(n.get("@graph"), accept, depth + 1);
    return inGraph != null ? inGraph : findNode(n.get("mainEntity"), accept, depth + 1);
  }

  /** Whether the node's {@code @type} (one or a list) names one of {@code types}. */
  private static boolean hasType(JsonNode n, Set<String> types) {
    JsonNode type = n.get("@type");
    if (type == null) {
      return false;
    }
    for (JsonNode t : type.isArray() ? type : JSON.createArrayNode().add(type)) {
      if (types.contains(t.asText().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A JSON-LD field's value on any of the page's top-level or {@code @graph} nodes (the first), for
   * pages whose dates sit on a {@code WebPage} node beside an article node without them. Null when
   * no such node has it.
   */
  static String anyNode(List<JsonNode> roots, String field) {
    for (JsonNode r : roots) {
      String v = findField(r, field, 0);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String findField(JsonNode n, String field, int depth) {
    if (n == null || depth > 5) {
      return null;
    }
    if (n.isObject()) {
      JsonNode v = n.get(field);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return v.asText();
      }
      // the page's own nodes only: a list's items, a review or a comment have dates of their own
      return findField(n.get("@graph"), field, depth + 1);
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        String hit = findField(c, field, depth + 1);
        if (hit != null) {
          return hit;
        }
      }
    }
    return null;
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

  /** What a page's title is chosen from, for measuring the choice (TitleBounds in the tests). */
  static Titles.Inputs titleInputs(Document doc) {
    Tags tags = Tags.collect(doc);
    List<JsonNode> roots = parse(tags.jsonLd);
    JsonNode ld = articleJsonLd(roots);
    String canonical = first(tags.canonical, meta(tags, "og:url"), text(ld, "url"));
    return heading(doc, tags, roots, ld, canonical).inputs();
  }

  private static Heading heading(
      Document doc, Tags tags, List<JsonNode> roots, JsonNode ld, String canonical) {
    String headline =
        Titles.clean(
            first(
                text(ld, "headline"),
                meta(tags, "og:title"),
                meta(tags, "twitter:title"),
                tags.h1s.isEmpty() ? null : tags.h1s.get(0)));
    String host = first(host(canonical), host(doc.location()));
    Site site = siteName(ld, roots, tags, headline, Titles.clean(doc.title()), host);
    Titles.Inputs inputs =
        new Titles.Inputs(
            site == null ? null : Titles.clean(site.declared()),
            host,
            tags.h1s,
            tags.h2s,
            java.util.Arrays.asList(
                text(ld, "headline"),
                meta(tags, "og:title"),
                meta(tags, "twitter:title"),
                doc.title()));
    return new Heading(inputs, site == null ? null : Titles.clean(site.name()));
  }

  private static String meta(Tags tags, String key) {
    return tags.meta.get(key.toLowerCase(Locale.ROOT));
  }

  /** What the metadata needs from the markup, gathered in one pass over the page. */
  private static final class Tags {
    final Map<String, String> meta = new HashMap<>();
    final List<String> jsonLd = new ArrayList<>();
    final List<String> h1s = new ArrayList<>();
    final List<String> h2s = new ArrayList<>();

    /** Every {@code citation_author} tag: Highwire's convention has one tag per author. */
    final List<String> citationAuthors = new ArrayList<>();

    String time;
    String timeText;
    String timeUpdated;
    TextNode copyright;
    String canonical;
    String lang;
    int forms;
    int inputs;
    int buttons;
    int videos;
    int h1Count;

    /** The citation authors as one list ("Jane Doe; John Roe"), each "Doe, Jane" turned round. */
    String citationAuthors() {
      if (citationAuthors.isEmpty()) {
        return null;
      }
      StringBuilder b = new StringBuilder();
      for (String a : citationAuthors) {
        String n = a.strip();
        int comma = n.indexOf(',');
        if (comma > 0 && comma == n.lastIndexOf(',')) {
          // "Roy, Aniruddha": family name first, as the convention allows
          n = n.substring(comma + 1).strip() + " " + n.substring(0, comma).strip();
        }
        if (n.indexOf(';') < 0) {
          b.append(b.length() == 0 ? "" : "; ").append(n);
        }
      }
      return b.length() == 0 ? null : b.toString();
    }

    static Tags collect(Document doc) {
      Tags t = new Tags();
      Element html = doc.selectFirst("html");
      t.lang = html == null ? null : blankToNull(html.attr("lang"));
      NodeTraversor.traverse(
          (node, depth) -> {
            if (node instanceof Element e) {
              t.visit(e);
            } else if (node instanceof TextNode text) {
              t.visit(text);
            }
          },
          doc);
      return t;
    }

    private void visit(Element e) {
      if (e.hasAttr("itemprop")) {
        itemprop(e);
      }
      switch (e.normalName()) {
        case "meta" -> {
          String k =
              e.hasAttr("property")
                  ? e.attr("property")
                  : e.hasAttr("name") ? e.attr("name") : e.attr("http-equiv");
          String v = blankToNull(e.attr("content"));
          if (!k.isEmpty() && v != null) {
            meta.putIfAbsent(k.toLowerCase(Locale.ROOT), v);
            if (k.equalsIgnoreCase("citation_author") && citationAuthors.size() < 20) {
              citationAuthors.add(v);
            }
          }
        }
        case "script" -> {
          if (e.attr("type").equalsIgnoreCase("application/ld+json")) {
            jsonLd.add(e.data());
          }
        }
        case "form" -> forms++;
        case "input" -> inputs += e.attr("type").equalsIgnoreCase("hidden") ? 0 : 1;
        case "select", "textarea" -> inputs++;
        case "button" -> buttons++;
        case "video" -> videos++;
        case "iframe" -> videos += PLAYER.matcher(e.attr("src")).find() ? 1 : 0;
        case "h1" -> {
          h1Count++;
          String h = h1s.size() < 3 ? Titles.headingText(e) : null;
          if (h != null) {
            h1s.add(h);
          }
        }
        case "h2" -> {
          String h = h2s.size() < 3 ? Titles.headingText(e) : null;
          if (h != null) {
            h2s.add(h);
          }
        }
        case "time" -> {
          if (isUpdateStamp(e)) {
            // "Updated <time …>": the page's modification, not its publication
            if (timeUpdated == null) {
              timeUpdated = blankToNull(e.hasAttr("datetime") ? e.attr("datetime") : e.text());
            }
          } else if (time == null && e.hasAttr("datetime")) {
            time = blankToNull(e.attr("datetime"));
          } else if (timeText == null && !e.hasAttr("datetime")) {
            timeText = blankToNull(e.text());
          }
        }
        case "link" -> {
          if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical")) {
            canonical = blankToNull(e.attr("abs:href"));
            canonical = canonical == null ? blankToNull(e.attr("href")) : canonical;
          }
        }
        default -> {}
      }
    }

    /**
     * Whether a {@code <time>} is an update stamp: marked as the modification date ({@code
     * itemprop=dateModified}, a class naming an update), or right after a label that says so
     * ("Updated", "Aktualisiert am", "Mis à jour le", "Actualizado el", "Atualizado em").
     */
    static boolean isUpdateStamp(Element e) {
      String prop = e.attr("itemprop");
      String names = (e.className() + " " + prop).toLowerCase(Locale.ROOT);
      if (names.contains("modified") || names.contains("updated")) {
        return true;
      }
      StringBuilder before = new StringBuilder();
      // the text just before it: its own siblings, else its parent's (a label in a span of its own)
      for (Element at = e;
          at != null && before.length() == 0 && !at.normalName().equals("body");
          at = at.parent()) {
        for (org.jsoup.nodes.Node n = at.previousSibling();
            n != null && before.length() < 40;
            n = n.previousSibling()) {
          String t =
              n instanceof TextNode tn ? tn.text() : n instanceof Element el ? el.text() : "";
          before.insert(0, t);
        }
        if (at != e) {
          break;
        }
      }
      String label = before.toString().strip();
      return !label.isEmpty() && UPDATE_LABEL_END.matcher(label).find();
    }

    /**
     * Microdata dates ({@code itemprop=datePublished} on a meta, a time or a text element), kept as
     * {@code itemprop:datepublished} beside the meta tags; the first of each wins.
     */
    private void itemprop(Element e) {
      // itemprop holds a list of names ("datePublished dateCreated"): the first date one counts
      String prop = null;
      for (String p : e.attr("itemprop").strip().toLowerCase(Locale.ROOT).split("\\s+")) {
        if (p.equals("datepublished") || p.equals("datemodified")) {
          prop = p;
          break;
        }
      }
      if (prop == null) {
        return;
      }
      String v =
          e.hasAttr("content")
              ? e.attr("content")
              : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
      v = blankToNull(v);
      if (v != null && v.length() <= 80 && !inReply(e)) {
        meta.putIfAbsent("itemprop:" + prop, v);
      }
    }

    /** Whether a microdata date is a reply's (inside a {@code Comment} or an {@code Answer}). */
    private static boolean inReply(Element e) {
      for (Element p = e; p != null; p = p.parent()) {
        if (PageAuthors.isReplyScope(p)) {
          return true;
        }
      }
      return false;
    }

    /** Keeps the page's last copyright line ("© 2026 Foo Media"): the footer's, as a rule. */
    private void visit(TextNode text) {
      String w = text.getWholeText();
      if (w.length() < 300
          && (w.indexOf('©') >= 0
              || w.indexOf("opyright") >= 0
              || w.indexOf("OPYRIGHT") >= 0
              || w.indexOf("(c)") >= 0
              || w.indexOf("(C)") >= 0)) {
        copyright = text;
      }
    }
  }

  /** The owner in a copyright line; read only when no better site name was found. */
  private static String copyrightOwner(TextNode text) {
    if (text == null) {
      return null;
    }
    String own = Outlets.fromCopyright(text.getWholeText());
    Element parent = text.parent();
    if (own != null || parent == null || parent.childNodeSize() > 8) {
      return own;
    }
    // "© 2026 <a>Foo Media</a>": the name sits in a sibling element
    String around = parent.text();
    return around.length() < 300 ? Outlets.fromCopyright(around) : null;
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
