package io.newsflow.enrich.text;

import java.util.Locale;

/**
 * What kind of page a fetched page is. Only {@link #ARTICLE} and {@link #LIVEBLOG} are news
 * stories; the topology routes the other kinds to their own topic so they are kept but not
 * published as news.
 */
public enum PageKind {
  /** One story: a news report, feature, column, review or blog post. */
  ARTICLE,
  /** A running story of time-stamped updates (live blog, live ticker). */
  LIVEBLOG,
  /**
   * A page that lists other pages: a section front, tag, topic, author or search page, an archive,
   * a category of products.
   */
  LISTING,
  /** A page whose content is a video or a gallery, with little text of its own. */
  VIDEO,
  /** Anything else: a product or service page, a forum thread, documentation, a form. */
  OTHER;

  /** The lower-case name written into records ({@code "article"}, {@code "liveblog"}…). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the kinds published as news: articles and live blogs. */
  public boolean isNews() {
    return this == ARTICLE || this == LIVEBLOG;
  }

  /** The kind with this label, case-insensitive; {@link #ARTICLE} for null or an unknown label. */
  public static PageKind of(String label) {
    if (label == null) {
      return ARTICLE;
    }
    for (PageKind k : values()) {
      if (k.label().equalsIgnoreCase(label.strip())) {
        return k;
      }
    }
    return ARTICLE;
  }
}
