package io.newsflow.ingest.monitor;

import io.newsflow.ingest.fetch.PrivateHosts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One outlet to monitor, as the outlets file describes it.
 *
 * @param name unique name, stamped on every article as {@code outlet}
 * @param feeds RSS/Atom/RDF feed URLs
 * @param sitemaps sitemap, sitemap index or news sitemap URLs
 * @param pages seed pages (section fronts) whose same-site links are articles
 * @param language expected language (BCP 47, e.g. "en"), or null
 * @param pollInterval time between the starts of two polls
 * @param include article URLs must match one of these (searched, not anchored) when any is given
 * @param exclude article URLs matching any of these are ignored
 * @param allowPrivateAddresses whether this outlet's own hosts (those of its feeds, sitemaps and
 *     pages, on their ports) may resolve to loopback/private addresses; never link-local ones
 */
public record Outlet(
    String name,
    List<String> feeds,
    List<String> sitemaps,
    List<String> pages,
    String language,
    Duration pollInterval,
    List<Pattern> include,
    List<Pattern> exclude,
    boolean allowPrivateAddresses) {
  public Outlet {
    Objects.requireNonNull(name, "name");
    feeds = List.copyOf(feeds);
    sitemaps = List.copyOf(sitemaps);
    pages = List.copyOf(pages);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("outlet " + name + ": pollInterval must be positive");
    }
    if (feeds.isEmpty() && sitemaps.isEmpty() && pages.isEmpty()) {
      throw new IllegalArgumentException(
          "outlet " + name + ": needs at least one of feeds, sitemaps, pages");
    }
  }

  /**
   * The hosts this outlet may reach at loopback/private addresses: its sources' hosts and ports
   * when it sets {@code allowPrivateAddresses}, none otherwise.
   */
  public PrivateHosts privateHosts() {
    if (!allowPrivateAddresses) {
      return PrivateHosts.NONE;
    }
    List<String> all = new java.util.ArrayList<>(feeds);
    all.addAll(sitemaps);
    all.addAll(pages);
    return PrivateHosts.of(all);
  }

  /** Whether an article URL passes the include/exclude patterns. */
  public boolean accepts(String url) {
    for (Pattern p : exclude) {
      if (p.matcher(url).find()) {
        return false;
      }
    }
    if (include.isEmpty()) {
      return true;
    }
    for (Pattern p : include) {
      if (p.matcher(url).find()) {
        return true;
      }
    }
    return false;
  }
}
