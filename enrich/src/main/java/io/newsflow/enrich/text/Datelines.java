package io.newsflow.enrich.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline that opens a story and reads its place and agency: "MEXICO CITY (Reuters) —",
 * "MEXICO CITY (Realist English).", "Mexico City, Mexico -", "Ciudad de México.—", "WASHINGTON,
 * Nov. 19 (Xinhua) --", "BOGOTÁ, 20 nov (EFE).-". Pure and thread-safe.
 */
public final class Datelines {
  /**
   * A dateline as read.
   *
   * @param place the place as written, without a date, agency or punctuation ("MEXICO CITY",
   *     "Mexico City, Mexico")
   * @param agency the agency or outlet in parentheses ("Reuters", "EFE"), or null
   * @param raw the dateline as it opens the paragraph ("MEXICO CITY (Reuters) —")
   */
  public record Dateline(String place, String agency, String raw) {}

  // a region or a date after the place: ", Mexico", ", D.C.", ", Nov. 19", ", 20 nov"
  private static final String REGION = "(?:,\\s*[\\p{L}\\d.]+(?:,?\\s+[\\p{L}.\\d]+){0,5})?";
  private static final String AGENCY = "(\\([^()\\d]{1,40}\\))";
  // upper-case place, optional region, optional "(Agency)", then a dash, a colon, or a period
  // after an agency
  private static final Pattern UPPER =
      Pattern.compile(
          "^(\\p{Lu}[\\p{Lu}\\p{M}.'’\\- ]{1,40}\\p{Lu}\\.?"
              + REGION
              + ")\\s*(?:"
              + AGENCY
              + "\\s*(?:[-—–]{1,2}|:|\\.(?:\\s*[-—–]{1,2})?)|[-—–]{1,2}|\\.\\s*[-—–]{1,2}|:)\\s+");
  // a mixed-case place needs a dash to be told apart from a sentence
  private static final Pattern MIXED =
      Pattern.compile(
          "^(\\p{Lu}[\\p{L}\\p{M}.'’]+(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}.'’]+|de|del|la|las|los|el|do|da))*"
              + REGION
              + ")\\s*"
              + AGENCY
              + "?\\s*(?:[-—–]{1,2}|\\.\\s*[-—–]{1,2})\\s+");
  private static final Set<String> DATE_WORDS =
      WordLists.of(
          "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august"
              + "|sep|sept|september|oct|october|nov|november|dec|december|ene|enero|febrero"
              + "|marzo|abr|abril|mayo|junio|julio|ago|agosto|set|septiembre|setiembre|octubre"
              + "|noviembre|dic|diciembre|monday|tuesday|wednesday|thursday|friday|saturday"
              + "|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|lunes|martes|miércoles"
              + "|miercoles|jueves|viernes|sábado|sabado|domingo");
  private static final Pattern ABBREVIATION =
      Pattern.compile("(?:^|[\\s,])(?:(?:\\p{L}\\.){2,}|\\p{Lu}\\p{Ll}{1,4}\\.)$");
  private static final Pattern DOMAIN = Pattern.compile("\\p{L}\\.(?i:com|net|org|info|news)\\b");
  private static final Pattern TRAILING = Pattern.compile("[\\s.,:;\\-—–]+$");

  /** Story labels written like datelines ("BREAKING:", "FILE —", "ANALYSIS -"): not places. */
  private static final Set<String> LABELS =
      WordLists.of(
          "breaking|breaking news|update|updated|exclusive|watch|listen|analysis|opinion"
              + "|editorial|file|file photo|photo|video|live|urgent|developing|just in|flash"
              + "|alert|editor's note|editors note|note|correction|clarification|última hora"
              + "|ultima hora|urgente|exclusiva|en vivo|en directo|actualización|actualizacion"
              + "|opinión|análisis|analisis|aclaración|corrección|nota del editor|foto|ap|afp"
              + "|efe|reuters|also read|read more|lee también|important");

  private Datelines() {}

  /** The place of the dateline at the start of the first paragraphs, or null. */
  public static String find(List<String> paragraphs) {
    Dateline d = first(paragraphs);
    return d == null ? null : d.place();
  }

  /** The dateline at the start of one of the first two paragraphs, or null. */
  public static Dateline first(List<String> paragraphs) {
    for (int i = 0; i < Math.min(2, paragraphs.size()); i++) {
      Dateline d = read(paragraphs.get(i));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** The place of the dateline at the start of one paragraph, or null. */
  public static String find(String paragraph) {
    Dateline d = read(paragraph);
    return d == null ? null : d.place();
  }

  /** The dateline at the start of one paragraph, or null. */
  public static Dateline read(String paragraph) {
    if (paragraph == null || paragraph.length() < 20) {
      return null;
    }
    for (Pattern p : new Pattern[] {UPPER, MIXED}) {
      Matcher m = p.matcher(paragraph);
      if (m.find() && m.end() < 80 && m.end() < paragraph.length() - 10) {
        String place = place(m.group(1));
        if (place != null) {
          String agency =
              m.group(2) == null ? null : m.group(2).replaceAll("^\\(\\s*|\\s*\\)$", "");
          return new Dateline(
              place, agency == null || agency.isBlank() ? null : agency, m.group().strip());
        }
      }
    }
    return null;
  }

  /** A region part that is a date instead: it has a digit or starts with a month or weekday. */
  private static boolean isDate(String part) {
    for (int i = 0; i < part.length(); i++) {
      if (Character.isDigit(part.charAt(i))) {
        return true;
      }
    }
    String firstWord = part.split("[\\s.]+")[0].toLowerCase(Locale.ROOT);
    return DATE_WORDS.contains(firstWord);
  }

  /** "LONDON, Nov 20" → "LONDON"; "Mexico City, Mexico" stays; labels give null. */
  private static String place(String raw) {
    String[] parts = raw.split(",");
    StringBuilder sb = new StringBuilder(TRAILING.matcher(parts[0].strip()).replaceAll(""));
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      if (part.isEmpty() || isDate(part)) {
        break;
      }
      sb.append(", ").append(part);
    }
    String place = TRAILING.matcher(sb.toString().replaceAll("\\s+", " ")).replaceAll("");
    String lower = place.toLowerCase(Locale.ROOT);
    if (place.isEmpty()
        || LABELS.contains(lower)
        || lower.startsWith("dear ")
        || DOMAIN.matcher(place).find()) {
      return null;
    }
    // "BUFFALO, N.Y." and "HAYWARD, Calif." keep the period that ends the abbreviation
    String dotted = place + ".";
    boolean abbreviation =
        ABBREVIATION.matcher(dotted).find() && raw.replaceAll("\\s+", " ").contains(dotted);
    return abbreviation ? dotted : place;
  }
}
