package io.newsflow.enrich.tag;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A last guard against boilerplate the extractor left in: a line whose start matches one of the
 * taxonomy's boilerplate patterns ("also read:", "lee tambien:", "related articles") is blanked,
 * and so are the list items ("- ...") directly under it. Blanking keeps every offset in place.
 */
final class Boilerplate {
  private Boilerplate() {}

  static String blank(String folded, List<Pattern> patterns) {
    if (patterns.isEmpty()) {
      return folded;
    }
    char[] chars = null;
    boolean underHeader = false;
    int start = 0;
    while (start <= folded.length()) {
      int end = folded.indexOf('\n', start);
      end = end < 0 ? folded.length() : end;
      int from = start;
      while (from < end && folded.charAt(from) == ' ') {
        from++;
      }
      boolean item = from < end && "-*\u2022".indexOf(folded.charAt(from)) >= 0;
      boolean drop = underHeader && item || matches(folded, from, end, patterns);
      if (drop) {
        chars = chars == null ? folded.toCharArray() : chars;
        for (int i = start; i < end; i++) {
          chars[i] = ' ';
        }
      }
      underHeader = drop || underHeader && item;
      if (from == end) {
        underHeader = false;
      }
      start = end + 1;
    }
    return chars == null ? folded : new String(chars);
  }

  private static boolean matches(String folded, int from, int to, List<Pattern> patterns) {
    if (from >= to) {
      return false;
    }
    for (Pattern p : patterns) {
      if (p.matcher(folded).region(from, to).lookingAt()) {
        return true;
      }
    }
    return false;
  }
}
