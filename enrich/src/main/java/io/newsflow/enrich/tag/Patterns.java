package io.newsflow.enrich.tag;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the taxonomy's pattern language into Java regular expressions. Patterns are written over
 * folded text (lower case, no accents, single spaces), may use {@code {NAME}} to insert a lexicon,
 * and {@code {_N}} for "up to N intervening words" (a dotted abbreviation such as u.s. counts as a
 * word). Every cue is anchored at word boundaries.
 */
final class Patterns {
  static final String WORD_START = "(?<![\\p{L}\\p{N}])";
  static final String WORD_END = "(?![\\p{L}\\p{N}])";
  private static final Pattern MACRO = Pattern.compile("\\{(_[0-9]+|[A-Za-z][A-Za-z0-9_]*)\\}");
  private static final int MAX_DEPTH = 8;

  private Patterns() {}

  static String expand(String source, Map<String, String> lexicons, String where) {
    return expand(source, lexicons, where, 0);
  }

  /**
   * Turns every capturing group into a non-capturing one: nothing reads groups, and a matcher with
   * no groups resets faster (the tagger resets one at every candidate word). Backreferences are
   * therefore not supported.
   */
  static String nonCapturing(String regex) {
    StringBuilder out = new StringBuilder(regex.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      out.append(c);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(regex.charAt(++i));
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(' && (i + 1 >= regex.length() || regex.charAt(i + 1) != '?')) {
        out.append("?:");
      }
    }
    return out.toString();
  }

  private static String expand(
      String source, Map<String, String> lexicons, String where, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(where + ": lexicons nest too deep (a cycle?)");
    }
    Matcher m = MACRO.matcher(source);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String body;
      if (name.startsWith("_") && name.substring(1).chars().allMatch(Character::isDigit)) {
        // a word, or a dotted abbreviation (u.s., ee.uu.), which does not end a sentence either
        body =
            "(?:(?:(?:[a-z]{1,2}\\.){2,}|[^ .;:!?\\n]+) ){0,"
                + Integer.parseInt(name.substring(1))
                + "}";
      } else if (lexicons.containsKey(name)) {
        body = "(?:" + expand(lexicons.get(name), lexicons, where, depth + 1) + ")";
      } else {
        throw new IllegalArgumentException(where + ": unknown lexicon {" + name + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(body));
    }
    m.appendTail(out);
    return out.toString();
  }

  static Pattern compile(String regex, String where) {
    try {
      return Pattern.compile(nonCapturing(regex));
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException(where + ": bad pattern: " + e.getDescription(), e);
    }
  }
}
