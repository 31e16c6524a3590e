package io.newsflow.enrich.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline that opens a story: "MEXICO CITY (Reuters) —", "MEXICO CITY (Realist
 * English).", "Mexico City, Mexico -", "Ciudad de México.—", "WASHINGTON, Nov. 19 (Xinhua) --".
 */
public final class Datelines {
  // upper-case place, optional ", Region" and date, optional "(Agency)", then a dash, or a period
  // after an agency
  private static final Pattern UPPER =
      Pattern.compile(
          "^(\\p{Lu}[\\p{Lu}\\p{M}.'’\\- ]{1,40}\\p{Lu}(?:,\\s*[\\p{L}.]+(?:\\s+[\\p{L}.\\d]+){0,3})?)\\s*"
              + "(?:(\\([^()]{1,40}\\))\\s*(?:[-—–]{1,2}|:|\\.(?:\\s*[-—–])?)|[-—–]{1,2}|\\.\\s*[-—–]|:)\\s+");
  // mixed-case place needs a dash to be told apart from a sentence
  private static final Pattern MIXED =
      Pattern.compile(
          "^(\\p{Lu}[\\p{L}\\p{M}.'’]+(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}.'’]+|de|del|la|las|los|el|do|da))*"
              + "(?:,\\s*\\p{Lu}[\\p{L}.]+(?:\\s+[\\p{L}.\\d]+){0,3})?)\\s*(\\([^()]{1,40}\\))?\\s*(?:[-—–]{1,2}|\\.\\s*[-—–]{1,2})\\s+");

  private Datelines() {}

  /** Returns the dateline at the start of the first paragraphs, or null. */
  public static String find(List<String> paragraphs) {
    for (int i = 0; i < Math.min(2, paragraphs.size()); i++) {
      String d = find(paragraphs.get(i));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** Returns the dateline at the start of one paragraph, or null. */
  public static String find(String paragraph) {
    if (paragraph == null || paragraph.length() < 20) {
      return null;
    }
    for (Pattern p : new Pattern[] {UPPER, MIXED}) {
      Matcher m = p.matcher(paragraph);
      if (m.find() && m.end() < 80 && m.end() < paragraph.length() - 10) {
        return m.group().strip();
      }
    }
    return null;
  }
}
