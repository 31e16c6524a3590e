package io.newsflow.enrich.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the story step reads from one article: its content words (language-specific) and its names
 * (language-neutral: capitalised words and runs of them, numbers, month names mapped to a number),
 * each with its count, and a SimHash of the text for near-copy detection.
 *
 * <p>Names are what survives translation: "Marta Quiroga", "Puerto Montt", "2009", "1.000" and
 * "1,000", "January" and "enero" come out the same in an English and a Spanish article. Words are
 * lower-cased and stripped of accents; short words and function words are left out.
 */
public final class StoryFeatures {
  /** Name keys start with '@', numbers and months with '#', so they never collide with words. */
  static final char NAME = '@';

  static final char NUMBER = '#';

  private static final Set<String> STOP =
      Set.of(
          // English function words
          "the",
          "and",
          "for",
          "with",
          "from",
          "was",
          "were",
          "been",
          "has",
          "have",
          "had",
          "its",
          "this",
          "that",
          "these",
          "those",
          "she",
          "they",
          "you",
          "his",
          "her",
          "their",
          "our",
          "said",
          "says",
          "will",
          "would",
          "could",
          "should",
          "not",
          "but",
          "after",
          "before",
          "over",
          "about",
          "into",
          "than",
          "more",
          "most",
          "also",
          "who",
          "which",
          "what",
          "when",
          "where",
          "while",
          "are",
          "there",
          "here",
          "all",
          "one",
          "two",
          "new",
          "out",
          "can",
          "him",
          "them",
          "then",
          "some",
          "just",
          "other",
          "only",
          "such",
          "may",
          "any",
          "how",
          "why",
          "very",
          "now",
          "being",
          "did",
          "does",
          "per",
          "via",
          "yes",
          // Spanish function words
          "los",
          "las",
          "del",
          "por",
          "con",
          "para",
          "que",
          "una",
          "uno",
          "como",
          "pero",
          "mas",
          "sus",
          "este",
          "esta",
          "estos",
          "estas",
          "ese",
          "esa",
          "fue",
          "han",
          "hay",
          "son",
          "sobre",
          "entre",
          "tras",
          "desde",
          "hasta",
          "segun",
          "dijo",
          "ser",
          "sin",
          "tambien",
          "cuando",
          "donde",
          "quien",
          "muy",
          "sido",
          "era",
          "porque",
          "ante",
          "todo",
          "todos");

  private static final Map<String, String> MONTHS = months();

  private final Map<String, Integer> words;
  private final Map<String, Integer> names;
  private final long simhash;

  private StoryFeatures(Map<String, Integer> words, Map<String, Integer> names, long simhash) {
    this.words = words;
    this.names = names;
    this.simhash = simhash;
  }

  /** The features of a title and body, either possibly empty, without places. */
  public static StoryFeatures of(String title, String text) {
    return of(title, text, Places.NONE);
  }

  /**
   * The features of a title and body, either possibly empty, with each place {@code places} finds
   * in them as one more name, under a key that is the same in every language.
   */
  public static StoryFeatures of(String title, String text, Places places) {
    Builder b = new Builder();
    b.scan(title);
    b.sentenceEnd();
    b.scan(text);
    b.flushRun();
    for (String key : places.find(title + "\n" + text)) {
      b.names.merge(NUMBER + "place:" + key, 1, Integer::sum);
    }
    return new StoryFeatures(b.words, b.names, SimHash.of(b.tokens));
  }

  /** Content words (folded) with their counts. */
  public Map<String, Integer> words() {
    return words;
  }

  /** Names, numbers and months (keys starting with '@' or '#') with their counts. */
  public Map<String, Integer> names() {
    return names;
  }

  /** A 64-bit SimHash of the folded word sequence: near-copies differ in few bits. */
  public long simhash() {
    return simhash;
  }

  /** True when there is nothing to compare: no word and no name. */
  public boolean isEmpty() {
    return words.isEmpty() && names.isEmpty();
  }

  private static final class Builder {
    final Map<String, Integer> words = new HashMap<>();
    final Map<String, Integer> names = new HashMap<>();
    final List<String> tokens = new ArrayList<>();
    final List<String> run = new ArrayList<>();
    boolean sentenceStart = true;

    void scan(String s) {
      int i = 0;
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          int j = i + 1;
          boolean digits = Character.isDigit(c);
          while (j < n && isWordChar(s, j, digits)) {
            j++;
          }
          token(s.substring(i, j), digits);
          i = j;
        } else {
          punctuation(c);
          i++;
        }
      }
    }

    /** Letters and digits continue a word; inside a number, '.' and ',' between digits do too. */
    private static boolean isWordChar(String s, int j, boolean number) {
      char c = s.charAt(j);
      if (number) {
        return Character.isDigit(c)
            || ((c == '.' || c == ',') && j + 1 < s.length() && Character.isDigit(s.charAt(j + 1)));
      }
      return Character.isLetterOrDigit(c);
    }

    void punctuation(char c) {
      switch (c) {
        case '.', '!', '?', ':', ';', '"', '\u201c', '\u201d', '\u00bf', '\u00a1', '|' -> {
          flushRun();
          sentenceEnd();
        }
        case '\'', '\u2019', '-', '&', ' ' -> {
          // these may sit inside a name ("O'Brien", "Hewlett - Packard", "AT&T")
        }
        default -> flushRun();
      }
    }

    void sentenceEnd() {
      sentenceStart = true;
    }

    void token(String raw, boolean number) {
      boolean start = sentenceStart;
      sentenceStart = false;
      if (number) {
        flushRun();
        String digits = raw.replace(".", "").replace(",", "");
        if (digits.length() >= 2) {
          add(names, NUMBER + digits);
          tokens.add(digits);
        }
        return;
      }
      String f = fold(raw);
      tokens.add(f);
      String month = MONTHS.get(f);
      if (month != null) {
        flushRun();
        add(names, month);
        return;
      }
      boolean stop = STOP.contains(f) || f.length() < 3;
      if (!stop) {
        add(words, f);
      }
      if (Character.isUpperCase(raw.charAt(0)) && raw.length() > 1 && !stop) {
        if (!start) {
          add(names, NAME + f);
        }
        run.add(f);
      } else {
        flushRun();
      }
    }

    /** A run of two or more capitalised words is a name of its own ("marta quiroga"). */
    void flushRun() {
      if (run.size() >= 2) {
        add(names, NAME + String.join(" ", run));
      }
      run.clear();
    }

    private static void add(Map<String, Integer> m, String k) {
      m.merge(k, 1, Integer::sum);
    }
  }

  /** Lower case without accents; ASCII takes a fast path. */
  static String fold(String raw) {
    boolean ascii = true;
    for (int i = 0; i < raw.length() && ascii; i++) {
      ascii = raw.charAt(i) < 0x80;
    }
    String lower = raw.toLowerCase(java.util.Locale.ROOT);
    if (ascii) {
      return lower;
    }
    String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Map<String, String> months() {
    String[][] names = {
      {"january", "enero"},
      {"february", "febrero"},
      {"march", "marzo"},
      {"april", "abril"},
      {"may", "mayo"},
      {"june", "junio"},
      {"july", "julio"},
      {"august", "agosto"},
      {"september", "septiembre", "setiembre"},
      {"october", "octubre"},
      {"november", "noviembre"},
      {"december", "diciembre"}
    };
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        m.put(n, NUMBER + "m" + (i + 1));
      }
    }
    // "may" is also an English verb: only the capitalised month would be safe, and a month alone
    // is weak evidence anyway, so leave it out rather than guess
    m.remove("may");
    return Map.copyOf(m);
  }
}
