package io.newsflow.enrich.tag;

import java.text.Normalizer;

/**
 * Folds text for matching without moving any character: lower case, accents stripped from Latin
 * letters, every whitespace char a plain space, typographic quotes and dashes made ASCII. The
 * result has exactly the input's length, so an offset found in the folded text is an offset in the
 * original.
 */
final class Folding {
  private static final char[] TABLE = new char[0x250];

  static {
    for (char c = 0; c < TABLE.length; c++) {
      char lower = Character.toLowerCase(c);
      String nfd = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
      TABLE[c] = nfd.isEmpty() ? lower : nfd.charAt(0);
    }
    TABLE['\u00df'] = 's';
    TABLE['\u00e6'] = 'a';
    TABLE['\u00f8'] = 'o';
    TABLE['\u0142'] = 'l';
    TABLE['\u00a0'] = ' ';
  }

  private Folding() {}

  static String fold(CharSequence s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = foldChar(s.charAt(i));
    }
    return new String(out);
  }

  static char foldChar(char c) {
    if (c < TABLE.length) {
      char f = TABLE[c];
      return f == '\t' || f == '\r' || f == '\f' || f == 0x0b ? ' ' : f;
    }
    switch (c) {
      case '\u2018', '\u2019', '\u201a', '\u2032' -> {
        return '\'';
      }
      case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb' -> {
        return '"';
      }
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> {
        return '-';
      }
      case '\u2028', '\u2029', '\u2009', '\u200a', '\u202f', '\u2007' -> {
        return ' ';
      }
      default -> {
        return Character.toLowerCase(c);
      }
    }
  }
}
