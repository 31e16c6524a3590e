package io.newsflow.enrich.text.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.text.Outlets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Fallbacks for a page's site name when neither JSON-LD's publisher nor {@code og:site_name} gives
 * one: a JSON-LD {@code WebSite} or organisation node, the part a {@code <title>} adds to the
 * headline ("Headline | Site", "Site - Headline"), the owner in a copyright line.
 */
final class SiteNames {
  private static final Pattern SEPARATORS = Pattern.compile("\\s+(?:[|\\-–—·•»]|::)\\s+");
  private static final Pattern LEADING = Pattern.compile("^(?:\\s*(?:[|\\-–—·•»:]|::)\\s*)+");
  private static final Pattern TRAILING = Pattern.compile("(?:\\s*(?:[|\\-–—·•»:]|::)\\s*)+$");
  private static final Pattern QUOTES = Pattern.compile("^[\"'“”«»]+|[\"'“”«»]+$");
  private static final Pattern DOMAIN_SUFFIX =
      Pattern.compile("\\.[A-Za-z]{2,6}(?:\\.[A-Za-z]{2})?$");
  private static final List<String> ORG_TYPES =
      List.of("newsmediaorganization", "website", "organization");

  private SiteNames() {}

  /**
   * The site name a page title adds to the headline: what remains when the headline is cut from it
   * ("Headline | Politics | Site" gives "Site", "Site - Headline" gives "Site"), else a short last
   * segment ("Headline | Site"); null when the title holds nothing else.
   *
   * @param headline the headline from JSON-LD, OpenGraph or {@code <h1>}, or null
   */
  static String fromTitle(String pageTitle, String headline) {
    if (pageTitle == null) {
      return null;
    }
    String t = pageTitle.strip().replaceAll("\\s+", " ");
    String h = headline == null ? "" : headline.strip().replaceAll("\\s+", " ");
    if (!h.isEmpty() && t.length() > h.length() + 2) {
      if (t.regionMatches(true, 0, h, 0, h.length())) {
        String rest = t.substring(h.length());
        if (LEADING.matcher(rest).lookingAt()) {
          String[] parts = SEPARATORS.split(LEADING.matcher(rest).replaceFirst(""));
          return plausible(parts[parts.length - 1]);
        }
      } else if (t.regionMatches(true, t.length() - h.length(), h, 0, h.length())) {
        String rest = t.substring(0, t.length() - h.length());
        if (TRAILING.matcher(rest).find()) {
          return plausible(SEPARATORS.split(TRAILING.matcher(rest).replaceFirst(""))[0]);
        }
      }
    }
    String[] parts = SEPARATORS.split(t);
    if (parts.length < 2) {
      return null;
    }
    String last = parts[parts.length - 1];
    return last.split(" ").length <= 4 && parts[0].length() > 2 * last.length()
        ? plausible(last)
        : null;
  }

  /**
   * A site name as a page declares it ({@code og:site_name}, the JSON-LD publisher, {@code
   * application-name}), or null when the value names something else: a handle ("@outlet"), an
   * address, a section ("U.S."), or the blogging platform the site runs on ("Blogger" on a blog
   * with a domain of its own). A name followed by a tagline ("Outlet | News for the valley", "Find
   * a doctor - Outlet") gives the part that is the host's name, else its first part.
   *
   * @param label the page host's distinctive label ({@link #hostLabel}), or null
   */
  static String declared(String value, String label) {
    String t = value == null ? "" : value.strip();
    if (t.isEmpty() || t.startsWith("@") || t.contains("://")) {
      return null;
    }
    String platform = t.toLowerCase(Locale.ROOT).replaceAll("\\.com$", "");
    if (PLATFORMS.contains(platform) && !platform.equals(label)) {
      return null;
    }
    String[] parts = SEPARATORS.split(t);
    String chosen = parts[0];
    if (parts.length > 1 && label != null && !namesHost(chosen, label)) {
      for (String p : parts) {
        if (namesHost(p, label)) {
          chosen = p;
          break;
        }
      }
    }
    chosen = QUOTES.matcher(chosen).replaceAll("").strip();
    // a declared name may be long ("… School of Public Health"); only a section label is refused
    return chosen.length() > 100 || !chosen.matches(".*\\p{L}.*") || Outlets.isSectionLabel(chosen)
        ? null
        : chosen;
  }

  /** A part is the host's name, or its initials, or its domain ("Outlet.com" on outlet.com). */
  private static boolean namesHost(String part, String label) {
    return names(part, null, label, true)
        || names(DOMAIN_SUFFIX.matcher(part).replaceFirst(""), null, label, true);
  }

  /** The name of a {@code NewsMediaOrganization}, {@code WebSite} or organisation node, or null. */
  static String fromJsonLd(List<JsonNode> roots) {
    for (String type : ORG_TYPES) {
      for (JsonNode root : roots) {
        String name = find(root, type, 0);
        if (name != null) {
          return name;
        }
      }
    }
    return null;
  }

  private static String find(JsonNode n, String type, int depth) {
    if (n == null || depth > 4) {
      return null;
    }
    if (n.isArray()) {
      for (JsonNode c : n) {
        String hit = find(c, type, depth + 1);
        if (hit != null) {
          return hit;
        }
      }
      return null;
    }
    if (!n.isObject()) {
      return null;
    }
    JsonNode t = n.get("@type");
    if (t != null && t.isTextual() && t.asText().toLowerCase(Locale.ROOT).equals(type)) {
      JsonNode name = n.get("name");
      if (name != null && name.isTextual() && !name.asText().isBlank()) {
        return plausible(name.asText().strip());
      }
    }
    return find(n.get("@graph"), type, depth + 1);
  }

  /** A site name is short and is not a section label. */
  private static String plausible(String s) {
    String t = s == null ? "" : s.strip();
    if (t.isEmpty() || t.length() > 60 || t.split(" ").length > 6 || !t.matches(".*\\p{L}.*")) {
      return null;
    }
    return Outlets.isSectionLabel(t) ? null : t;
  }

  /**
   * The distinctive label of a host name: the longest label that is not {@code www}, a generic
   * second-level label or the top-level domain ("home.tarkett.co.uk" gives "tarkett"); null for no
   * host.
   */
  static String hostLabel(String host) {
    if (host == null || host.isBlank()) {
      return null;
    }
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
    String best = null;
    for (int i = 0; i < labels.length - 1; i++) {
      String l = labels[i].replaceAll("[^a-z0-9]", "");
      if (!GENERIC_LABELS.contains(l) && (best == null || l.length() > best.length())) {
        best = l;
      }
    }
    return best == null || best.length() < 3 ? null : best;
  }

  /**
   * Whether a part of a page title names the site: it is the site name (spaces and case aside), or,
   * given a host label, a short part whose letters hold the label, that the label holds, or whose
   * words' initials spell it ("Occupational Safety and Health Administration", "osha").
   */
  static boolean names(String part, String site, String label) {
    return names(part, site, label, false);
  }

  /**
   * As {@link #names(String, String, String)}; when {@code strict}, a part names the host only when
   * it is the host's label or its initials spell it ("WRAL" on wral.com, not "comwrap at the fair"
   * on comwrap.com).
   */
  static boolean names(String part, String site, String label, boolean strict) {
    String p = BodyFinder.norm(part).replace(" ", "");
    if (p.isEmpty()) {
      return false;
    }
    if (site != null && p.equals(BodyFinder.norm(site).replace(" ", ""))) {
      return true;
    }
    if (site != null && isAcronym(site) && initials(part).equals(BodyFinder.norm(site))) {
      // the site's name spelled out: "Harbor Mutual Insurance Services" for "HMIS"
      return true;
    }
    if (label == null || part.split(" ").length > 6) {
      return false;
    }
    if (strict) {
      return p.equals(label) || initials(part).equals(label);
    }
    return (label.length() >= 4 && p.contains(label))
        || (p.length() >= 3 && label.contains(p))
        || initials(part).equals(label);
  }

  /**
   * Whether a part of a page title (not its first) is the site's name followed by more words of its
   * own: a tagline ("Harbor Mutual: Insurance for river towns since 1921" on "Harbor Mutual").
   */
  static boolean leadsWithSite(String part, String site) {
    if (site == null) {
      return false;
    }
    String p = BodyFinder.norm(part);
    String n = BodyFinder.norm(site);
    return !n.isEmpty()
        && p.length() > n.length()
        && p.startsWith(n + " ")
        && part.split(" ").length <= 14;
  }

  /** One short token of letters and digits, upper case ("DW", "HMIS"). */
  private static boolean isAcronym(String site) {
    String s = site.strip();
    if (s.length() < 2 || s.length() > 6) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isUpperCase(s.charAt(i)) && !Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String initials(String part) {
    StringBuilder b = new StringBuilder();
    for (String w : BodyFinder.norm(part).split(" ")) {
      if (!w.isEmpty() && !SMALL_WORDS.contains(w)) {
        b.append(w.charAt(0));
      }
    }
    return b.toString();
  }

  /** Blogging and publishing platforms: the software a site runs on, not the site. */
  private static final java.util.Set<String> PLATFORMS =
      java.util.Set.of(
          "blogger",
          "blogspot",
          "wordpress",
          "medium",
          "substack",
          "tumblr",
          "wix",
          "squarespace",
          "weebly",
          "ghost",
          "typepad",
          "livejournal",
          "shopify");

  private static final java.util.Set<String> GENERIC_LABELS =
      java.util.Set.of("www", "m", "amp", "mobile", "co", "com", "org", "net", "gov", "edu", "ac");
  private static final java.util.Set<String> SMALL_WORDS =
      java.util.Set.of("and", "of", "the", "for", "und", "de", "del", "la", "le", "et", "e", "y");
}
