package io.newsflow.ingest.canon;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Canonical form of article URLs: lower-case scheme and host (IDN as punycode), no default port, no
 * fragment, dot segments resolved, an empty path as "/", and tracking parameters ({@code utm_*},
 * {@code fbclid}, {@code gclid}, ...) removed; other parameters keep their order. Pure functions.
 */
public final class UrlCanon {
  private static final Set<String> TRACKING =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "yclid",
          "twclid",
          "igshid",
          "mc_cid",
          "mc_eid",
          "_ga",
          "_gl",
          "_hsenc",
          "_hsmi",
          "mkt_tok",
          "oly_anon_id",
          "oly_enc_id",
          "vero_id",
          "rb_clickid",
          "s_cid",
          "ncid",
          "cmpid",
          "ocid",
          "sr_share",
          "at_medium",
          "at_campaign",
          "ref_src",
          "ref_url");

  private UrlCanon() {}

  /**
   * The canonical form of an absolute http(s) URL.
   *
   * @throws IllegalArgumentException when it is not an absolute http(s) URL with a host
   */
  public static String canonicalize(String url) {
    URI uri = parse(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    String host = uri.getHost();
    int port = uri.getPort();
    if (host == null && uri.getRawAuthority() != null) {
      // java.net.URI leaves hosts with non-ASCII letters (IDN) unparsed: split the authority
      // ourselves
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("^(?:[^@]*@)?([^:]+)(?::(\\d+))?$")
              .matcher(uri.getRawAuthority());
      if (m.matches()) {
        host = m.group(1);
        port = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
      }
    }
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("no host in " + url);
    }
    host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    String path = uri.normalize().getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    while (path.startsWith("/../")) {
      path = path.substring(3);
    }
    String query = cleanQuery(uri.getRawQuery());
    return scheme
        + "://"
        + host
        + (defaultPort ? "" : ":" + port)
        + path
        + (query.isEmpty() ? "" : "?" + query);
  }

  /**
   * {@code href} resolved against {@code base} and canonicalized; null when it is not an http(s)
   * link.
   */
  public static String resolve(String base, String href) {
    if (href == null || href.isBlank()) {
      return null;
    }
    try {
      return canonicalize(parse(base).resolve(href.strip().replace(" ", "%20")).toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The page's {@code <link rel=canonical>}, canonicalized, when it stays on the same site (the
   * same host, "www." aside); null otherwise. A page may not claim another site's article as its
   * own.
   */
  public static String relCanonical(String html, String pageUrl) {
    Document doc = Jsoup.parse(html, pageUrl);
    for (Element link : doc.select("link[rel~=(?i)^canonical$][href]")) {
      String canon = resolve(pageUrl, link.attr("href"));
      if (canon != null && sameSite(canon, pageUrl)) {
        return canon;
      }
    }
    return null;
  }

  /** True when both URLs have the same host, ignoring case and a leading "www.". */
  public static boolean sameSite(String a, String b) {
    try {
      return bareHost(a).equals(bareHost(b));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The host of an http(s) URL, lower case, without a leading "www.". */
  public static String bareHost(String url) {
    String host = parse(url).getHost();
    if (host == null) {
      throw new IllegalArgumentException("no host in " + url);
    }
    host = host.toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static String cleanQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }

  private static URI parse(String url) {
    if (url == null) {
      throw new IllegalArgumentException("no URL");
    }
    try {
      return new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
  }
}
