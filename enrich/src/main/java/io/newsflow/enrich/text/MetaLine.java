package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A line that holds only article metadata: a byline, a date, or both, with an agency, a role, a
 * relative time or a reading time beside them, in segments separated by "|", "·", "•" or a spaced
 * dash ("By Jane Doe | Reuters | Nov. 20, 2026 10:15 AM ET", "Jane Doe · 5 min read", "Updated 3
 * hours ago", "Publicado el 20 de noviembre de 2026"). Pure and thread-safe.
 *
 * @param authors the names, in order (may be empty)
 * @param date the date text as written, for {@link TextDates#parseLine}, or null
 * @param updated whether the date is labelled as an update
 * @param agency a wire agency named in the line, or null
 * @param byline whether the line names who wrote the story (names, or "By" and an agency)
 */
public record MetaLine(
    List<String> authors, String date, boolean updated, String agency, boolean byline) {
  private static final Pattern SEGMENTS =
      Pattern.compile(
          "\\s*[|·•;]\\s*|\\s+[-–—/]\\s+"
              + "|\\s+(?=(?i:updated|published|posted|last updated|actualizado|actualizada|publicado|publicada)\\b)");
  private static final int MAX_PLAIN_WORDS = 14;
  private static final Pattern PARENS = Pattern.compile("^\\(|\\)$");
  private static final Pattern RELATIVE =
      Pattern.compile(
          "(?i)^(?:(?:updated|posted|published|last updated|actualizado|publicado|modified)[:\\s]+)?"
              + "(?:(?:\\d+|an?|one)\\s+(?:sec|second|min|minute|hr|hour|day|week|month)s?\\.?\\s+ago"
              + "|hace\\s+(?:\\d+|un|una)\\s+(?:segundos?|minutos?|min|horas?|h|días?|dias?|semanas?|meses|mes)"
              + "|just now|ahora|(?:updated|actualizado)\\s+(?:today|yesterday|hoy|ayer)"
              + "|\\d+\\s*(?:-\\s*)?(?:min|mins|minute|minutes|minutos?)\\.?\\s*(?:read|de lectura|lectura)"
              + "|(?:reading time|tiempo de lectura)[:\\s]+\\d+\\s*(?:min|mins|minutes|minutos?)\\.?)$");
  private static final Pattern TIME_ONLY =
      Pattern.compile(
          "(?i)^\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?m\\.?|h|hrs)?\\.?(?:\\s+\\p{L}{1,4})?$");
  // credits after the byline: editors and contributors, not the story's authors
  private static final Pattern CREDIT =
      Pattern.compile(
          "(?i)^(?:editing|edited|additional reporting|writing|graphics|compiled|production|fact-?checking"
              + "|translation|translated|with reporting|edición|edicion|traducción|traduccion|con información) (?:by|por|de) .+$");
  private static final Pattern ROLE =
      Pattern.compile(
          "(?i)^(?:senior |chief |special |foreign |staff |political |white house )?(?:writer|staff writer|reporter|correspondent|editor|columnist"
              + "|contributor|corresponsal|enviad[oa] especial|redactor[a]?|periodista|columnista|colaborador[a]?)$");

  /**
   * A name without "By" has at most three capitalised words ("Mary Clare Jalonick", "María de la
   * Cruz"): four are more likely a headline in title case.
   */
  private static boolean shortName(String name) {
    int capitalised = 0;
    for (String w : name.split(" ")) {
      capitalised += Character.isUpperCase(w.charAt(0)) ? 1 : 0;
    }
    return capitalised <= 3;
  }

  /** Many words and no segment separator: a sentence, not a metadata line. */
  private static boolean isPlainSentence(String s) {
    int spaces = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '|' || c == '·' || c == '•' || c == ';') {
        return false;
      }
      spaces += c == ' ' ? 1 : 0;
    }
    return spaces >= MAX_PLAIN_WORDS;
  }

  /**
   * Reads a line as metadata, or returns null when any part of it is something else (a sentence, a
   * headline, a section name). A bare name counts only beside a byline, an agency or a date.
   */
  public static MetaLine read(String line) {
    if (line.length() > 200 || isPlainSentence(line)) {
      return null;
    }
    String s = BoilerplateRules.fold(line);
    if (s.isEmpty() || s.length() > 160) {
      return null;
    }
    List<String> authors = new ArrayList<>();
    List<String> bare = new ArrayList<>();
    String date = null;
    boolean updated = false;
    String agency = null;
    boolean byline = false;
    boolean relative = false;
    for (String seg : SEGMENTS.split(s)) {
      String g = seg.strip();
      if (g.isEmpty()) {
        continue;
      }
      TextDates.Found d = TextDates.parseLine(g, null);
      List<String> names;
      if (d != null || (date != null && TIME_ONLY.matcher(g).matches())) {
        date = date == null ? g : date + " " + g;
        updated |= d != null && d.updated();
      } else if (RELATIVE.matcher(g).matches()) {
        relative = true;
      } else if (Bylines.isAgency(g)) {
        agency = agency == null ? PARENS.matcher(g).replaceAll("") : agency;
      } else if (ROLE.matcher(g).matches() || (byline && CREDIT.matcher(g).matches())) {
        continue;
      } else if ((names = Bylines.fromByline(g)) != null) {
        byline = true;
        authors.addAll(names);
        agency = agency == null ? Bylines.agencyIn(g) : agency;
        String tail = date == null ? Bylines.trailingDate(g) : null;
        if (tail != null) {
          date = tail;
          updated = TextDates.parseLine(tail, null).updated();
        }
      } else if (Bylines.mayBeNames(g)
          && (names = Bylines.fromNames(g)) != null
          && !names.isEmpty()
          && names.stream().allMatch(MetaLine::shortName)) {
        bare.addAll(names);
      } else {
        return null;
      }
    }
    if (!bare.isEmpty()) {
      if (!byline && agency == null && date == null && !relative) {
        return null;
      }
      authors.addAll(bare);
    }
    if (!byline && authors.isEmpty() && date == null && !relative) {
      return null;
    }
    return new MetaLine(
        Bylines.dedupe(authors), date, updated, agency, byline || !authors.isEmpty());
  }
}
