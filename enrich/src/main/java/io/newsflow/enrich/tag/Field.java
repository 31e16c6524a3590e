package io.newsflow.enrich.tag;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field of an article prepared for matching: folded text, boilerplate lines blanked out,
 * sentence boundaries, and entity mentions (scanned on first use).
 */
final class Field {
  final String name;
  final String original;
  final String folded;

  /** Offsets where a word (letters or digits) starts, and the class pair of its first two chars. */
  final int[] wordStarts;

  final int[] wordCodes;

  /** The class of each word's third char (the char after a shorter word). */
  final int[] wordThirds;

  /** The class of each word's fourth char (a space past the end of the text). */
  final int[] wordFourths;

  private final int[] sentenceStarts;
  private final Map<String, EntityLexicon> lexicons;

  /** This thread's matchers for this field's role; a match is read before the next attempt. */
  private final Matchers matchers;

  private final Map<String, EntityLexicon.Hits> hits = new HashMap<>(4);

  private int[] nonBlank;

  Field(
      String name,
      String original,
      List<Pattern> boilerplate,
      Taxonomy taxonomy,
      Matchers matchers) {
    this.name = name;
    this.original = original;
    this.folded = Boilerplate.blank(Folding.fold(original), boilerplate);
    this.sentenceStarts = Sentences.starts(folded);
    int[][] words = words(folded);
    this.wordStarts = words[0];
    this.wordCodes = words[1];
    this.wordThirds = words[2];
    this.wordFourths = words[3];
    this.lexicons = taxonomy.entities;
    this.matchers = matchers;
    matchers.startField(folded);
  }

  private static int[][] words(String s) {
    int[] starts = new int[s.length() / 4 + 8];
    int[] codes = new int[starts.length];
    int[] thirds = new int[starts.length];
    int[] fourths = new int[starts.length];
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      boolean w = Character.isLetterOrDigit(s.charAt(i));
      if (w && !inWord) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
          codes = Arrays.copyOf(codes, n * 2);
          thirds = Arrays.copyOf(thirds, n * 2);
          fourths = Arrays.copyOf(fourths, n * 2);
        }
        char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
        thirds[n] = Cue.classOf(i + 2 < s.length() ? s.charAt(i + 2) : ' ');
        fourths[n] = Cue.classOf(i + 3 < s.length() ? s.charAt(i + 3) : ' ');
        starts[n] = i;
        codes[n++] = Cue.pairCode(Cue.classOf(s.charAt(i)), Cue.classOf(next));
      }
      inWord = w;
    }
    return new int[][] {
      Arrays.copyOf(starts, n),
      Arrays.copyOf(codes, n),
      Arrays.copyOf(thirds, n),
      Arrays.copyOf(fourths, n)
    };
  }

  /** Index of the first word starting at or after {@code pos}. */
  int wordAtOrAfter(int pos) {
    int i = Arrays.binarySearch(wordStarts, pos);
    return i >= 0 ? i : -i - 1;
  }

  int sentenceStart(int pos) {
    return sentenceStarts[sentenceIndex(pos)];
  }

  int sentenceEnd(int pos) {
    int i = sentenceIndex(pos);
    return i + 1 < sentenceStarts.length ? sentenceStarts[i + 1] : folded.length();
  }

  /**
   * Start and end of the sentence {@code delta} sentences away from the one holding {@code pos}, in
   * the same paragraph (no line break between them); null when there is none.
   */
  int[] neighbourSentence(int pos, int delta) {
    int i = sentenceIndex(pos);
    int j = i + delta;
    if (j < 0 || j >= sentenceStarts.length) {
      return null;
    }
    for (int k = Math.min(i, j) + 1; k <= Math.max(i, j); k++) {
      if (folded.charAt(sentenceStarts[k] - 1) == '\n') {
        return null;
      }
    }
    int end = j + 1 < sentenceStarts.length ? sentenceStarts[j + 1] : folded.length();
    return new int[] {sentenceStarts[j], end};
  }

  /** Index of the sentence holding {@code pos}. */
  int sentenceIndexOf(int pos) {
    return sentenceIndex(pos);
  }

  /** How many sentences hold at least one word (blank lines are not sentences). */
  int sentenceCount() {
    return nonBlank()[sentenceStarts.length];
  }

  /** How many sentences before sentence {@code index} hold at least one word. */
  int nonBlankBefore(int index) {
    return nonBlank()[Math.max(0, Math.min(index, sentenceStarts.length))];
  }

  /** Prefix counts of the sentences that hold a word: {@code [i]} counts those before i. */
  private int[] nonBlank() {
    if (nonBlank == null) {
      int[] out = new int[sentenceStarts.length + 1];
      int w = 0;
      for (int i = 0; i < sentenceStarts.length; i++) {
        int end = i + 1 < sentenceStarts.length ? sentenceStarts[i + 1] : folded.length();
        while (w < wordStarts.length && wordStarts[w] < sentenceStarts[i]) {
          w++;
        }
        out[i + 1] = out[i] + (w < wordStarts.length && wordStarts[w] < end ? 1 : 0);
      }
      nonBlank = out;
    }
    return nonBlank;
  }

  private int sentenceIndex(int pos) {
    int i = Arrays.binarySearch(sentenceStarts, pos);
    return i >= 0 ? i : -i - 2;
  }

  Matcher matcher(int slot, Pattern p) {
    return matchers.get(slot, p);
  }

  /**
   * The first mention of an entity of {@code type} that starts in {@code [from, to)} and overlaps
   * {@code [lo, hi)}: {start, end}; null when there is none.
   */
  int[] entityMention(String type, int from, int to, int lo, int hi) {
    EntityLexicon.Hits h = hits.computeIfAbsent(type, t -> lexicons.get(t).scan(this));
    return h.first(from, to, lo, hi);
  }

  /**
   * The first mention of each different entity of {@code type} in {@code [from, to)} whose key is
   * not in {@code seen}: {start, end, key}. Adds the keys found to {@code seen}.
   */
  List<int[]> entityMentions(String type, int from, int to, java.util.BitSet seen) {
    EntityLexicon.Hits h = hits.computeIfAbsent(type, t -> lexicons.get(t).scan(this));
    return h.firstOfEach(from, to, seen);
  }
}
