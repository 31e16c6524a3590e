package io.newsflow.ingest.feed;

import io.newsflow.ingest.canon.UrlCanon;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The links of a seed page (a section front, a home page) that stay on the page's site. Pure. */
public final class PageLinks {
  private PageLinks() {}

  /**
   * Same-site http(s) links of the page, canonicalized, in document order, without the page itself.
   */
  public static List<Entry> sameSite(String html, String pageUrl) {
    Document doc = Jsoup.parse(html, pageUrl);
    Set<String> seen = new LinkedHashSet<>();
    String self = UrlCanon.resolve(pageUrl, pageUrl);
    for (Element a : doc.select("a[href]")) {
      String url = UrlCanon.resolve(pageUrl, a.attr("href"));
      if (url != null && !url.equals(self) && UrlCanon.sameSite(url, pageUrl)) {
        seen.add(url);
      }
    }
    List<Entry> out = new ArrayList<>();
    seen.forEach(u -> out.add(new Entry(u, null)));
    return out;
  }
}
