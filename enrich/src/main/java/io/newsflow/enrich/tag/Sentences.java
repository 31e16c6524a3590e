package io.newsflow.enrich.tag;

import java.util.Arrays;

/** Splits folded text into sentences: cheap, offset-preserving, good enough for context windows. */
final class Sentences {
  private Sentences() {}

  /** Start offsets of the sentences of {@code s}, the first always 0. */
  static int[] starts(String s) {
    int[] out = new int[16];
    int n = 0;
    out[n++] = 0;
    int len = s.length();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      int next = -1;
      if (c == '\n') {
        next = i + 1;
      } else if ((c == '.' || c == '!' || c == '?') && endsSentence(s, i)) {
        int j = i + 1;
        while (j < len && (s.charAt(j) == '"' || s.charAt(j) == '\'' || s.charAt(j) == ')')) {
          j++;
        }
        if (j < len && s.charAt(j) == ' ') {
          next = j + 1;
        }
      }
      if (next > 0 && next < len) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = next;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * A period after a one- or two-letter token or inside a dotted abbreviation (U.S., EE.UU.) does
   * not end.
   */
  private static boolean endsSentence(String s, int i) {
    if (s.charAt(i) != '.') {
      return true;
    }
    int j = i - 1;
    while (j >= 0 && Character.isLetter(s.charAt(j))) {
      j--;
    }
    int wordLen = i - 1 - j;
    if (wordLen == 0 || j >= 0 && Character.isDigit(s.charAt(j))) {
      return true; // "in 2008." or "the 1980s."
    }
    boolean dotted = j >= 0 && s.charAt(j) == '.';
    return !dotted && wordLen > 2;
  }
}
