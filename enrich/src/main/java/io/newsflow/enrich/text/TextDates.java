package io.newsflow.enrich.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication dates written for people, in English and Spanish ("Published: 20 November
 * 2026", "Nov. 20, 2026 10:15 AM ET", "20/11/2026", "jueves 20 de noviembre de 2026, 10:15 h"), and
 * dates in article URLs ("/2026/11/20/"), as ISO-8601: a date alone stays a date ("2026-11-20"), a
 * time is written with seconds and, when the text names a zone, its offset
 * ("2026-11-20T10:15:00-05:00"). Only absolute dates with a four-digit year are read: "3 hours
 * ago", "Tuesday" or "Nov. 20" give nothing. Pure and thread-safe.
 */
public final class TextDates {
  /** A date found in a line, and whether the line labels it as an update. */
  public record Found(String iso, boolean updated) {}

  private static final Map<String, Integer> MONTHS = months();
  // longest names first, so "march" wins over "mar" and "märz" over "mär"
  private static final String MONTH =
      "("
          + MONTHS.keySet().stream()
              .sorted(java.util.Comparator.comparingInt(String::length).reversed())
              .collect(java.util.stream.Collectors.joining("|"))
          + ")\\.?";
  private static final String WEEKDAY =
      "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun"
          + "|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
          + "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
          + "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
          + "|segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira"
          + "|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)\\.?,?\\s+)?";
  private static final String LABEL =
      "(?:(?<label>(?:first |originally )?published|publish date|posted|updated|last updated|modified|last modified|date"
          + "|publicado|publicada|actualizado|actualizada|última actualización|ultima actualizacion|actualización|fecha"
          + "|fecha de publicación|veröffentlicht|erschienen|aktualisiert|zuletzt aktualisiert|stand|datum"
          + "|publié|publiée|mis à jour|mise à jour|modifié|publicado em|atualizado|atualizada|data"
          + "|pubblicato|pubblicata|aggiornato|aggiornata"
          // Korean: "기사입력 2018-08-25 15:24", "입력", "등록", "수정" (updated)
          + "|기사입력|입력|등록|등록일|작성|작성일|발행일|최종수정|수정|수정일)"
          + "(?:\\s+(?:on|at|el|a las|am|um|le|em|il|à|às))?\\s*[:\\-–—]?\\s*)?";
  private static final String DATE =
      "(?:(?<d1>\\d{1,2})(?:st|nd|rd|th|º|°|er|\\.)?\\s*(?:de\\s+)?"
          + "(?<m1>"
          + MONTH.substring(1)
          + ",?\\s+(?:de\\s+|del\\s+)?(?<y1>\\d{4})"
          + "|"
          + "(?<m2>"
          + MONTH.substring(1)
          + "\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y2>\\d{4})"
          + "|(?<y3>\\d{4})[-/](?<m3>\\d{1,2})[-/](?<d3>\\d{1,2})"
          + "|(?<a4>\\d{1,2})(?<s4>[/.\\-])(?<b4>\\d{1,2})\\k<s4>(?<y4>\\d{4}))";
  private static final String TIME =
      "(?<h>\\d{1,2})(?:(?::|\\.|h)(?<mi>\\d{2})(?::(?<s>\\d{2}))?\\s*(?<ap>am|pm)?|\\s*(?<ap2>am|pm))\\s*(?:h|hrs|hs|horas|uhr)?\\.?";
  private static final String ZONE =
      "(?:(?<zone>utc|gmt|z|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|bst|cet|cest|wet|west)"
          // another zone's name ("AMT", "IST"): the time is read as local, its offset unknown
          + "|\\p{L}{2,5})?\\s*"
          + "(?<off>[+-]\\d{1,2}(?::?\\d{2})?)?";
  private static final Pattern LINE =
      Pattern.compile(
          "^"
              + LABEL
              // a date in square brackets: "[ 2018-08-25 15:24 ]", "기사입력 :[ 2018-08-25 ]" (one
              // in parentheses is a credit's or a review's, "(1/16/2025)")
              + "(?:\\[\\s*)?"
              // "on Friday January 12, 2024": the rest of a "Posted by … on" line
              + "(?:on\\s+)?"
              + WEEKDAY
              + DATE
              + "(?:,?\\s*(?:at\\s+|a las\\s+|um\\s+|à\\s+|às\\s+|alle\\s+|ore\\s+|-\\s+|–\\s+|—\\s+|/\\s+|@\\s*)?"
              + TIME
              + "\\s*\\(?"
              + ZONE
              + "\\)?)?\\s*[.)\\]]?$");
  private static final Pattern TIME_FIRST =
      Pattern.compile(
          "^(?<pre>\\D*?)(?<time>\\d{1,2}:\\d{2}\\s*(?:am|pm)?)\\s*,?\\s+(?<rest>\\D*\\d.*)$");
  private static final Pattern ISO_LIKE =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2})(:\\d{2})?(\\.\\d+)?\\s*([Zz]|[+-]\\d{2}:?\\d{2})?)?");
  // an ISO date and time followed by a zone's name ("2023-04-28T19:20:36 CEST")
  private static final Pattern ISO_NAMED_ZONE =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2})(:\\d{2})?(?:\\.\\d+)?\\s*\\(?(\\p{L}{1,5})\\)?");
  // seconds or milliseconds since 1970, as some templates print them
  private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
  private static final Pattern URL_DATE =
      Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?=[/\\-_.]|$)");
  private static final Pattern UPDATE_LABEL =
      Pattern.compile(
          "^(updated|last updated|modified|last modified|actualiza|última|ultima|aktualisiert|zuletzt"
              + "|stand|mis à jour|mise à jour|modifié|atualizad|aggiornat|최종수정|수정).*");
  // java.util.Date's toString ("Fri Apr 28 19:20:36 CEST 2023"), which templates print as is
  private static final Pattern JAVA_DATE =
      Pattern.compile(
          "(?:mon|tue|wed|thu|fri|sat|sun) (\\p{L}{3}) (\\d{1,2}) (\\d{2}:\\d{2}:\\d{2})"
              + " (\\p{L}{1,5}) (\\d{4})",
          Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> ZONES =
      Map.ofEntries(
          Map.entry("et", "America/New_York"),
          Map.entry("ct", "America/Chicago"),
          Map.entry("mt", "America/Denver"),
          Map.entry("pt", "America/Los_Angeles"),
          Map.entry("est", "-05:00"),
          Map.entry("edt", "-04:00"),
          Map.entry("cst", "-06:00"),
          Map.entry("cdt", "-05:00"),
          Map.entry("mst", "-07:00"),
          Map.entry("mdt", "-06:00"),
          Map.entry("pst", "-08:00"),
          Map.entry("pdt", "-07:00"),
          Map.entry("bst", "+01:00"),
          Map.entry("cet", "+01:00"),
          Map.entry("cest", "+02:00"),
          Map.entry("wet", "+00:00"),
          Map.entry("west", "+01:00"));
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

  private TextDates() {}

  /**
   * Reads a line that is only a date, with an optional label ("Published:", "Actualizado el"),
   * weekday, time and zone.
   *
   * @param line one line or one segment of a line, not null
   * @param language ISO 639-1 code of the text or null; decides numeric dates that read both ways
   *     ("05/06/2026" is day first in Spanish, ambiguous and skipped in English)
   * @return the date, or null when the line is not a date line
   */
  public static Found parseLine(String line, String language) {
    if (line.length() > 90 || !hasDigit(line)) {
      return null;
    }
    String s =
        BoilerplateRules.fold(line)
            .toLowerCase(Locale.ROOT)
            .replace("a.m.", "am")
            .replace("p.m.", "pm");
    Matcher m = LINE.matcher(s);
    if (!m.matches()) {
      // the time before the date ("Posted: Fri 6:45 PM, Feb 16, 2018"): read it after the date
      Matcher t = TIME_FIRST.matcher(s);
      if (!t.matches()) {
        return null;
      }
      m = LINE.matcher(t.group("pre") + t.group("rest") + " " + t.group("time"));
      if (!m.matches()) {
        return null;
      }
    }
    LocalDate date = date(m, language);
    if (date == null) {
      return null;
    }
    String label = m.group("label");
    boolean updated = label != null && UPDATE_LABEL.matcher(label).matches();
    return new Found(withTime(date, m), updated);
  }

  /** The date in an article URL's path ("/2026/11/20/slug"), as "2026-11-20", or null. */
  public static String fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return null;
    }
    LocalDate d = valid(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    return d == null ? null : d.toString();
  }

  /**
   * A structured date (meta tag, JSON-LD, {@code <time datetime>}) as ISO-8601: ISO-like values are
   * written the way ISO-8601 wants them ("2019-11-19 10:00:00+0100" becomes
   * "2019-11-19T10:00:00+01:00"), dates written for people are read as {@link #parseLine} reads
   * them, anything else is returned as the page gave it.
   */
  public static String normalize(String raw, String language) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    Matcher m = ISO_LIKE.matcher(s);
    if (m.matches()) {
      return iso(m);
    }
    String fromJava = javaDate(s);
    if (fromJava != null) {
      return fromJava;
    }
    String named = isoWithNamedZone(s);
    if (named != null) {
      return named;
    }
    if (EPOCH.matcher(s).matches()) {
      String epoch = epoch(s);
      if (epoch != null) {
        return epoch;
      }
    }
    try {
      // RFC 1123, as in HTTP headers and RSS ("Fri, 28 Apr 2023 19:20:36 +0200")
      return java.time.OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
          .toString()
          .replaceFirst("T(\\d{2}:\\d{2})([Z+-])", "T$1:00$2");
    } catch (DateTimeException notRfc) {
      // not that form either
    }
    Found f = parseLine(s, language);
    if (f != null) {
      return f.iso();
    }
    // an ISO value with something after it ("…+02:00[Europe/Berlin]", "… (updated)"): its ISO part
    m = ISO_LIKE.matcher(s);
    return m.lookingAt() ? iso(m) : s;
  }

  /** "2023-04-28T19:20:36 CEST" as "2023-04-28T19:20:36+02:00"; null for another form. */
  private static String isoWithNamedZone(String s) {
    Matcher m = ISO_NAMED_ZONE.matcher(s);
    if (!m.matches()) {
      return null;
    }
    String zone = m.group(4).toLowerCase(Locale.ROOT);
    if (!zone.equals("utc")
        && !zone.equals("gmt")
        && !zone.equals("z")
        && !ZONES.containsKey(zone)) {
      return null;
    }
    try {
      LocalDateTime local =
          LocalDateTime.parse(
              m.group(1) + "T" + m.group(2) + (m.group(3) == null ? ":00" : m.group(3)));
      String time = m.group(1) + "T" + SECONDS.format(local);
      String off = offset(zone, null, local);
      return off == null ? time : time + off;
    } catch (DateTimeException impossible) {
      return null;
    }
  }

  /** Seconds or milliseconds since 1970 as a UTC time, when they fall in 1995–2100; else null. */
  private static String epoch(String s) {
    long v = Long.parseLong(s);
    java.time.Instant at =
        s.length() == 13 ? java.time.Instant.ofEpochMilli(v) : java.time.Instant.ofEpochSecond(v);
    java.time.ZonedDateTime utc = at.atZone(ZoneOffset.UTC).withNano(0);
    if (utc.getYear() < 1995 || utc.getYear() > 2100) {
      return null;
    }
    return utc.toLocalDate() + "T" + SECONDS.format(utc) + "Z";
  }

  private static String javaDate(String s) {
    Matcher m = JAVA_DATE.matcher(s);
    if (!m.matches()) {
      return null;
    }
    Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
    LocalDate d = valid(m.group(5), month, Integer.parseInt(m.group(2)));
    if (d == null) {
      return null;
    }
    String zone = m.group(4).toLowerCase(Locale.ROOT);
    String off =
        zone.equals("utc") || zone.equals("gmt") || zone.equals("z")
            ? "Z"
            : ZONES.containsKey(zone) && !ZONES.get(zone).startsWith("America/")
                ? ZONES.get(zone)
                : null;
    return d + "T" + m.group(3) + (off == null ? "" : off);
  }

  private static String iso(Matcher m) {
    StringBuilder sb = new StringBuilder(m.group(1));
    if (m.group(2) != null) {
      sb.append('T').append(m.group(2)).append(m.group(3) == null ? ":00" : m.group(3));
      if (m.group(4) != null) {
        sb.append(m.group(4));
      }
      String zone = m.group(5);
      if (zone != null) {
        sb.append(
            zone.equalsIgnoreCase("z")
                ? "Z"
                : zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
      }
    }
    return sb.toString();
  }

  private static LocalDate date(Matcher m, String language) {
    if (m.group("y1") != null) {
      return valid(m.group("y1"), MONTHS.get(m.group("m1")), Integer.parseInt(m.group("d1")));
    }
    if (m.group("y2") != null) {
      return valid(m.group("y2"), MONTHS.get(m.group("m2")), Integer.parseInt(m.group("d2")));
    }
    if (m.group("y3") != null) {
      return valid(m.group("y3"), Integer.parseInt(m.group("m3")), Integer.parseInt(m.group("d3")));
    }
    int a = Integer.parseInt(m.group("a4"));
    int b = Integer.parseInt(m.group("b4"));
    // day first unless only month first makes sense; both ways decided by the language: every
    // language but English writes the day first (English is left undecided: British day first,
    // American month first); dotted dates are always day first
    boolean dayFirst =
        a > 12
            || m.group("s4").equals(".")
            || (b <= 12 && (a == b || (language != null && !language.startsWith("en"))));
    boolean monthFirst = !dayFirst && b > 12;
    if (!dayFirst && !monthFirst) {
      return null;
    }
    return dayFirst ? valid(m.group("y4"), b, a) : valid(m.group("y4"), a, b);
  }

  private static LocalDate valid(String year, Integer month, int day) {
    int y = Integer.parseInt(year);
    if (month == null || y < 1990 || y > 2100) {
      return null;
    }
    try {
      return LocalDate.of(y, month, day);
    } catch (DateTimeException impossible) {
      return null;
    }
  }

  private static String withTime(LocalDate date, Matcher m) {
    if (m.group("h") == null) {
      return date.toString();
    }
    int h = Integer.parseInt(m.group("h"));
    int min = m.group("mi") == null ? 0 : Integer.parseInt(m.group("mi"));
    int sec = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
    String ap = m.group("ap") != null ? m.group("ap") : m.group("ap2");
    if (ap != null) {
      if (h < 1 || h > 12) {
        return date.toString();
      }
      h = h % 12 + (ap.equals("pm") ? 12 : 0);
    }
    if (h > 23 || min > 59 || sec > 59) {
      return date.toString();
    }
    LocalDateTime local = LocalDateTime.of(date, LocalTime.of(h, min, sec));
    String time = date + "T" + SECONDS.format(local);
    String offset = offset(m.group("zone"), m.group("off"), local);
    return offset == null ? time : time + offset;
  }

  /** The zone's offset at that local time ("Z", "-05:00"), or null when the text names none. */
  private static String offset(String zone, String off, LocalDateTime local) {
    try {
      if (off != null) {
        ZoneOffset o = ZoneOffset.of(padOffset(off));
        return o.getTotalSeconds() == 0 && zone != null ? "Z" : o.getId();
      }
      if (zone == null) {
        return null;
      }
      if (zone.equals("utc") || zone.equals("gmt") || zone.equals("z")) {
        return "Z";
      }
      String id = ZONES.get(zone);
      return id.startsWith("America/") ? local.atZone(ZoneId.of(id)).getOffset().getId() : id;
    } catch (DateTimeException badOffset) {
      return null;
    }
  }

  private static String padOffset(String off) {
    String sign = off.substring(0, 1);
    String digits = off.substring(1).replace(":", "");
    if (digits.length() <= 2) {
      return sign + (digits.length() == 1 ? "0" : "") + digits + ":00";
    }
    String hh = digits.substring(0, digits.length() - 2);
    return sign + (hh.length() == 1 ? "0" : "") + hh + ":" + digits.substring(digits.length() - 2);
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Integer> months() {
    String[][] names = {
      // English, Spanish, German, French, Portuguese, Italian; with and without accents
      {
        "january", "jan", "enero", "ene", "januar", "jänner", "janvier", "janv", "janeiro",
        "gennaio"
      },
      {
        "february",
        "feb",
        "febrero",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevereiro",
        "fev",
        "febbraio"
      },
      {"march", "mar", "marzo", "märz", "maerz", "mär", "mrz", "mars", "março", "marco"},
      {"april", "apr", "abril", "abr", "avril", "avr", "aprile"},
      {"may", "mayo", "mai", "maio", "maggio", "mag"},
      {"june", "jun", "junio", "juni", "juin", "junho", "giugno", "giu"},
      {"july", "jul", "julio", "juli", "juillet", "juil", "julho", "luglio", "lug"},
      {"august", "aug", "agosto", "ago", "août", "aout"},
      {
        "september",
        "sep",
        "sept",
        "septiembre",
        "setiembre",
        "set",
        "septembre",
        "setembro",
        "settembre"
      },
      {
        "october", "oct", "octubre", "oktober", "okt", "octobre", "outubro", "out", "ottobre", "ott"
      },
      {"november", "nov", "noviembre", "novembre", "novembro"},
      {
        "december",
        "dec",
        "diciembre",
        "dic",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "dezembro",
        "dicembre"
      }
    };
    Map<String, Integer> out = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        out.put(n, i + 1);
      }
    }
    return Map.copyOf(out);
  }
}
