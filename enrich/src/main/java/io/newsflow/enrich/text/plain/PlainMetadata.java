package io.newsflow.enrich.text.plain;

import io.newsflow.enrich.text.Bylines;
import io.newsflow.enrich.text.Datelines;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.MetaLine;
import io.newsflow.enrich.text.Outlets;
import io.newsflow.enrich.text.Removed;
import io.newsflow.enrich.text.TextDates;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The metadata of scraped text, from the lines {@link PlainTextExtractor} classified: authors and
 * dates from byline and date lines, the outlet from the masthead, a "Title | Outlet" suffix, a
 * copyright line or the dateline's agency, the publication date from a date line or the URL.
 */
final class PlainMetadata {
  private static final Pattern TITLE_SUFFIX =
      Pattern.compile("^(.{10,}?)\\s+[|·•]\\s+([^|·•]{2,50})$");

  /** What the line classification produced. */
  record Parts(
      List<String> lines,
      String[] verdict,
      MetaLine[] meta,
      int titleAt,
      List<String> paragraphs,
      List<Removed> removed,
      String language) {}

  private PlainMetadata() {}

  static Extraction extraction(Parts p, String sourceUrl) {
    String title = p.titleAt() < 0 ? null : p.lines().get(p.titleAt());
    String titleSite = null;
    if (title != null) {
      var m = TITLE_SUFFIX.matcher(title);
      if (m.matches() && Outlets.isPublicationName(m.group(2))) {
        title = m.group(1).strip();
        titleSite = m.group(2).strip();
      }
    }
    Datelines.Dateline dateline = Datelines.first(p.paragraphs());
    List<String> authors = new ArrayList<>();
    String published = null;
    String modified = null;
    String agency = null;
    for (int i = 0; i < p.lines().size(); i++) {
      MetaLine m = p.meta()[i];
      if (m == null || p.verdict()[i] == null) {
        continue;
      }
      authors.addAll(m.authors());
      agency = agency == null ? m.agency() : agency;
      TextDates.Found d = m.date() == null ? null : TextDates.parseLine(m.date(), p.language());
      if (d != null && !d.updated() && published == null) {
        published = d.iso();
      } else if (d != null && d.updated() && modified == null) {
        modified = d.iso();
      }
    }
    if (published == null) {
      published = TextDates.fromUrl(sourceUrl);
    }
    String outlet =
        first(
            mastheadName(p),
            titleSite,
            copyrightOwner(p),
            dateline == null ? null : dateline.agency(),
            agency);
    return new Extraction(
        title,
        p.paragraphs(),
        p.removed(),
        p.language(),
        published,
        modified,
        Bylines.dedupe(authors),
        dateline == null ? null : dateline.place(),
        outlet,
        null,
        null);
  }

  /** The publication's name among the masthead lines before the headline, or null. */
  private static String mastheadName(Parts p) {
    List<String> lines = new ArrayList<>();
    int end = p.titleAt() < 0 ? p.lines().size() : p.titleAt();
    for (int i = 0; i < end; i++) {
      if ("rule:masthead".equals(p.verdict()[i])) {
        lines.add(p.lines().get(i));
      }
    }
    boolean startsText = end > 0 && "rule:masthead".equals(p.verdict()[0]);
    String named = Outlets.fromMasthead(lines, startsText);
    return named != null ? named : nameOverSection(p);
  }

  /**
   * The first line when the text opens the way a scraped article page does: a name line, then a
   * short section or kicker line, then the headline ("Valley Voice" / "Security" / "Troops cross
   * the border at dawn"). The shape says "publication name" even when the name has no word
   * publications are named with: the line must read as a name (see {@link Outlets#readsAsName}).
   * Null when the text does not open that way.
   */
  private static String nameOverSection(Parts p) {
    if (p.titleAt() < 2
        || !"rule:masthead".equals(p.verdict()[0])
        || !"rule:masthead".equals(p.verdict()[1])) {
      return null;
    }
    String section = p.lines().get(1);
    if (!Outlets.readsAsName(section) && !Outlets.isSectionLabel(section)) {
      return null;
    }
    String name = p.lines().get(0);
    return Outlets.readsAsName(name) && !Outlets.isSectionLabel(name) ? name.strip() : null;
  }

  private static String copyrightOwner(Parts p) {
    String owner = null;
    for (int i = 0; i < p.lines().size(); i++) {
      if ("rule:copyright".equals(p.verdict()[i])) {
        String o = Outlets.fromCopyright(p.lines().get(i));
        owner = o != null ? o : owner;
      }
    }
    return owner;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
