package io.newsflow.enrich.tag;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the taxonomy's pattern language into Java regular expressions. Patterns are written over
 * folded text (lower case, no accents, single spaces), may use {@code {NAME}} to insert a lexicon,
 * and {@code {_N}} for "up to N intervening words". Every cue is anchored at word boundaries.
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

  private static String expand(String source, Map<String, String> lexicons, String where, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(where + ": lexicons nest too deep (a cycle?)");
    }
    Matcher m = MACRO.matcher(source);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String body;
      if (name.startsWith("_") && name.substring(1).chars().allMatch(Character::isDigit)) {
        body = "(?:[^ .;:!?\\n]+ ){0," + Integer.parseInt(name.substring(1)) + "}";
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

  static Pattern compileCue(String expanded, String where) {
    return compile(WORD_START + "(?:" + expanded + ")" + WORD_END, where);
  }

  static Pattern compile(String regex, String where) {
    try {
      return Pattern.compile(regex);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException(where + ": bad pattern: " + e.getDescription(), e);
    }
  }
}
