package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.List;

/** Splits a regex into its top-level alternatives, opening alternatives that are whole groups. */
final class Alternatives {
  private static final int MAX_DEPTH = 6;

  private Alternatives() {}

  static List<String> flatten(String regex) {
    List<String> out = new ArrayList<>();
    flatten(regex, out, 0);
    return out;
  }

  private static void flatten(String regex, List<String> out, int depth) {
    for (String alt : split(regex)) {
      String inner = depth < MAX_DEPTH ? wholeGroup(alt) : null;
      if (inner != null) {
        flatten(inner, out, depth + 1);
      } else {
        out.add(alt);
      }
    }
  }

  /** The top-level alternatives of {@code regex} (split at '|' outside groups and classes). */
  static List<String> split(String regex) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int from = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(regex.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(regex.substring(from));
    return parts;
  }

  /**
   * {@code alt} without the lookbehinds it starts with. A lookbehind looks at text before the
   * match, which a probe for how a match can start does not have; without it the probe finds a
   * superset of the possible starts, and the full pattern still checks the lookbehind when it runs.
   */
  static String withoutLeadingLookbehinds(String alt) {
    String s = alt;
    while (s.startsWith("(?<=") || s.startsWith("(?<!")) {
      int end = closingParen(s);
      if (end < 0) {
        return alt;
      }
      s = s.substring(end + 1);
    }
    return s;
  }

  /** Index of the ')' closing the group that opens at 0, or -1. */
  private static int closingParen(String s) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The inside of {@code alt} when it is exactly one non-capturing group "(?:...)", else null. */
  private static String wholeGroup(String alt) {
    if (!alt.startsWith("(?:") || !alt.endsWith(")")) {
      return null;
    }
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < alt.length(); i++) {
      char c = alt.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0 && i != alt.length() - 1) {
        return null;
      }
    }
    return alt.substring(3, alt.length() - 1);
  }
}
