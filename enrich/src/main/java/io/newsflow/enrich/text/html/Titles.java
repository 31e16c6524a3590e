package io.newsflow.enrich.text.html;

import io.newsflow.enrich.text.TextDates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Chooses a page's headline among its candidates by agreement, not by a fixed order: the first
 * visible {@code <h1>} that agrees with a metadata title (or any, when the page has no metadata
 * title), else the metadata title that most other metadata titles agree with. Every candidate is
 * decoded (HTML entities, twice-escaped ones too) and loses its site-name part; a kicker the
 * metadata glues on ("Topic: Headline") goes when the visible headline has none. Pure.
 */
final class Titles {
  private static final Pattern ENTITY =
      Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|\\w{2,10});");
  private static final Pattern KICKER_END = Pattern.compile("[:|–—\\-·•»]$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern ANCHOR_MARK = Pattern.compile("\\s*[¶⚓🔗]+$");
  private static final Pattern KICKER_CLASS =
      Pattern.compile(
          "kicker|overline|topline|dachzeile|eyebrow|supertitle|pretitle|pre-title|subtitle"
              + "|roofline|antetitulo|surtitre|label|rubric|category|section",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MENU =
      Pattern.compile("(?:^|\\s|[-_])(?:menu|navbar|nav|navigation)(?:$|\\s)");

  /** What a title cut at a word goes on with: a space and a word, no separator before it. */
  private static final Pattern CONTINUES = Pattern.compile(" [\\p{L}\\p{N}]");

  private static final Pattern STATE_CLASS = Pattern.compile("(?:^|\\s)(?:has|is|with|no)-\\S*");

  /** Share of a title's words another must hold for the two to agree. */
  private static final double AGREE = 0.5;

  private Titles() {}

  /** Decodes HTML entities (twice, for the escaped-twice ones) and collapses white space. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s;
    for (int i = 0; i < 2 && ENTITY.matcher(t).find(); i++) {
      t = Parser.unescapeEntities(t, false);
    }
    t = repairDoubleEncoding(t);
    t = SPACES.matcher(t.replace('\u00a0', ' ')).replaceAll(" ").strip();
    // a heading's permalink mark ("Quickstart¶")
    t = ANCHOR_MARK.matcher(t).replaceAll("");
    return t.isEmpty() ? null : t;
  }

  /**
   * Text that a page holds as UTF-8 read as Latin-1 or Windows-1252 and written out again
   * ("Investorâ\u0080\u0099s", "Investorâ€™s"): re-read as UTF-8 when every character fits one byte
   * of that charset and the bytes are valid UTF-8; anything else is returned as it is.
   */
  static String repairDoubleEncoding(String s) {
    boolean c1 = false;
    boolean cp1252 = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      c1 |= c >= '\u0080' && c <= '\u009f';
      cp1252 |=
          (c == '\u00e2' || c == '\u00c3') && i + 1 < s.length() && s.charAt(i + 1) > '\u007f';
    }
    if (!c1 && !cp1252) {
      return s;
    }
    java.nio.charset.Charset from =
        c1
            ? java.nio.charset.StandardCharsets.ISO_8859_1
            : java.nio.charset.Charset.forName("windows-1252");
    if (!from.newEncoder().canEncode(s)) {
      return s;
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(s.getBytes(from)))
          .toString();
    } catch (java.nio.charset.CharacterCodingException notUtf8) {
      return s;
    }
  }

  /** The {@code <h1>}'s text without a kicker element inside it ("<span class=kicker>"). */
  static String headingText(Element h1) {
    if (h1 == null || inMenu(h1)) {
      return null;
    }
    Element copy = null;
    for (Element child : h1.children()) {
      String names = child.className() + " " + child.id();
      if (KICKER_CLASS.matcher(names).find()
          && child.text().length() < h1.text().length()
          && h1.text().startsWith(child.text())) {
        copy = copy == null ? h1.clone() : copy;
        copy.child(child.elementSiblingIndex()).remove();
        break;
      }
    }
    return clean((copy == null ? h1 : copy).text());
  }

  /** A heading in navigation or a menu (a menu's "Open Menu" button, a logo) is no headline. */
  private static boolean inMenu(Element e) {
    int depth = 0;
    for (Element p = e.parent(); p != null && depth < 8; p = p.parent(), depth++) {
      if (p.normalName().equals("body")) {
        return false;
      }
      // a state class says what the element holds or how it looks ("has-section-nav" on the
      // page's main wrapper), not what it is
      String names =
          STATE_CLASS
              .matcher((p.className() + " " + p.id()).toLowerCase(Locale.ROOT))
              .replaceAll(" ");
      if (p.normalName().equals("nav") || MENU.matcher(names).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a title is chosen from.
   *
   * @param site the site name, or null
   * @param host the page's host name, or null
   * @param h1s the page's {@code <h1>} texts in order (kicker elements out), may be empty
   * @param h2s the page's first {@code <h2>} texts in order, may be empty
   * @param metas metadata titles by trust: JSON-LD headline, og:title, twitter:title, {@code
   *     <title>}; nulls allowed
   */
  record Inputs(String site, String host, List<String> h1s, List<String> h2s, List<String> metas) {}

  /** The headline. */
  static String choose(Inputs in) {
    String site = in.site();
    String host = in.host();
    List<String> h1s = in.h1s();
    List<String> h2s = in.h2s();
    List<String> metas = in.metas();
    List<String> meta = new ArrayList<>();
    for (String m : metas) {
      String t = clean(PageMetadata.stripSiteName(clean(m), site, host));
      if (t != null && !isSite(t, site)) {
        meta.add(t);
      }
    }
    List<String> headings = new ArrayList<>();
    for (String raw : h1s) {
      // the site's name or a section glued to the visible headline too ("… | WRAL")
      String h = clean(PageMetadata.stripSiteName(clean(raw), site, host, false));
      if (h != null && !isSite(h, site) && h.length() <= 300 && !h.contains("{{")) {
        headings.add(h);
      }
    }
    // a heading the metadata confirms: the visible headline, without a kicker the metadata lacks
    for (String h : headings) {
      String unkicked = withoutKicker(h, meta);
      if (unkicked != null) {
        return unkicked;
      }
      if (agreesWithAny(h, meta)) {
        return h;
      }
    }
    // a heading nothing confirms may be a teaser, a promo or a section name: only without any
    // metadata title is it the headline
    if (meta.isEmpty()) {
      return headings.isEmpty() ? null : headings.get(0);
    }
    String chosen = untruncated(mostAgreed(meta), meta);
    // a kicker the metadata glues on that the page's visible headline lacks, when that headline
    // is not an <h1> ("Topic: Headline" against an <h2> "Headline")
    for (String raw : h2s) {
      String h = clean(raw);
      if (h != null && kickerOf(chosen, h) != null) {
        return h;
      }
    }
    return chosen;
  }

  /**
   * The kicker a title adds in front of a visible headline ("Topic:" in "Topic: Headline" against
   * "Headline"): set off by a colon, bar or dash, at most seven words; null when the title is not
   * the headline with such a kicker.
   */
  private static String kickerOf(String title, String headline) {
    String tl = title.toLowerCase(Locale.ROOT);
    String hl = headline.toLowerCase(Locale.ROOT);
    int at = tl.length() - hl.length();
    if (hl.length() < 12 || at <= 0 || !tl.endsWith(hl)) {
      return null;
    }
    String kicker = title.substring(0, at).strip();
    return KICKER_END.matcher(kicker).find() && kicker.split(" ").length <= 7 ? kicker : null;
  }

  /**
   * A metadata title that is the heading less a leading kicker ("Topic: Headline" against
   * "Headline"), or a heading that is a metadata title less its kicker: the shorter, kicker-free
   * one; null when neither holds.
   */
  private static String withoutKicker(String h1, List<String> meta) {
    String hl = h1.toLowerCase(Locale.ROOT);
    for (String m : meta) {
      String ml = m.toLowerCase(Locale.ROOT);
      int at = hl.length() - ml.length();
      if (ml.length() >= 12 && at > 0 && hl.endsWith(ml)) {
        // the kicker is set off by a colon, bar or dash ("Topic: Headline"), not a plain word
        String kicker = h1.substring(0, at).strip();
        // or it is a date ("Dec 18 2025 Headline")
        if ((KICKER_END.matcher(kicker).find() && kicker.split(" ").length <= 7)
            || TextDates.parseLine(kicker, null) != null) {
          return m;
        }
      }
    }
    return null;
  }

  /**
   * The title as another source gives it in full, when {@code chosen} is that title cut short at a
   * word (a JSON-LD headline cut to the 110 characters search engines ask for, and the page's
   * {@code <title>} with the rest): the longer one goes on with words, not with a separator and a
   * site or section name, which the site-name rules leave when they do not know the site.
   */
  private static String untruncated(String chosen, List<String> meta) {
    if (chosen == null || chosen.length() < 40) {
      return chosen;
    }
    String best = chosen;
    for (String m : meta) {
      if (m.length() > best.length()
          && m.regionMatches(true, 0, best, 0, best.length())
          && CONTINUES.matcher(m.substring(best.length())).lookingAt()) {
        best = m;
      }
    }
    return best;
  }

  private static String mostAgreed(List<String> meta) {
    String best = null;
    int bestVotes = -1;
    for (String m : meta) {
      int votes = 0;
      for (String o : meta) {
        votes += o != m && agree(m, o) ? 1 : 0;
      }
      // ties keep the more trusted source (earlier in the list)
      if (votes > bestVotes) {
        best = m;
        bestVotes = votes;
      }
    }
    return best;
  }

  private static boolean agreesWithAny(String t, List<String> others) {
    for (String o : others) {
      if (agree(t, o)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Two titles agree when each holds at least half of the other's words, or when every word of a
   * short one is in the other ("Flexbox" and "Flexbox - Learn web development").
   */
  static boolean agree(String a, String b) {
    Set<String> wa = words(a);
    Set<String> wb = words(b);
    if (wa.isEmpty() || wb.isEmpty()) {
      return false;
    }
    Set<String> both = new HashSet<>(wa);
    both.retainAll(wb);
    return (both.size() >= AGREE * wa.size() && both.size() >= AGREE * wb.size())
        || both.size() == wa.size()
        || both.size() == wb.size();
  }

  private static Set<String> words(String s) {
    String n = BodyFinder.norm(s);
    return n.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(n.split(" ")));
  }

  private static boolean isSite(String t, String site) {
    if (site == null) {
      return false;
    }
    String a = BodyFinder.norm(t).replace(" ", "");
    String b = BodyFinder.norm(site).replace(" ", "");
    return !a.isEmpty() && a.equals(b.toLowerCase(Locale.ROOT));
  }
}
