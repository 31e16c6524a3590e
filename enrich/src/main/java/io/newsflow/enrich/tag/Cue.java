package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A taxonomy pattern compiled for fast scanning. Every pattern is anchored at a word start, so a
 * field is scanned only at word starts; and the pattern's alternatives are dispatched on the word's
 * first two characters: at each word start only the alternatives that can begin with those two
 * characters are tried. Results are those of the whole pattern (same alternatives, same order).
 */
final class Cue {
  private static final int CLASSES = 38;
  static final int PAIRS = CLASSES * CLASSES;
  private static final String SAMPLES = "abcdefghijklmnopqrstuvwxyz0123456789 ";
  private static final String OTHER_SAMPLES = "-'\".,;:!?()/\u00e7\u0131\u0153";

  final Pattern pattern;
  /** Per pair code: the pattern holding just the alternatives that can start so, or null. */
  private final Pattern[] byPair = new Pattern[CLASSES * CLASSES];
  /** Per pair code: that pattern's slot in a field's matcher table. */
  private final int[] slotByPair = new int[CLASSES * CLASSES];

  /** Hands out matcher-table slots, one per distinct pattern of a taxonomy. */
  static final class Slots {
    private final Map<Pattern, Integer> slots = new java.util.IdentityHashMap<>();

    int slotOf(Pattern p) {
      return slots.computeIfAbsent(p, x -> slots.size());
    }

    int size() {
      return slots.size();
    }
  }

  /** @param body the expanded regex, without word anchors */
  Cue(String body, String where, Slots slots) {
    this.pattern = Patterns.compile(anchored(body), where);
    List<String> alts = Alternatives.flatten(body);
    BitSet[] starts = new BitSet[alts.size()];
    for (int i = 0; i < alts.size(); i++) {
      starts[i] = pairsOf(Patterns.compile(anchored(alts.get(i)), where));
    }
    Map<BitSet, Pattern> cache = new HashMap<>();
    for (int code = 0; code < byPair.length; code++) {
      BitSet subset = new BitSet(alts.size());
      for (int i = 0; i < alts.size(); i++) {
        if (starts[i].get(code)) {
          subset.set(i);
        }
      }
      if (!subset.isEmpty()) {
        byPair[code] = cache.computeIfAbsent(subset, s -> Patterns.compile(anchored(join(alts, s)), where));
        slotByPair[code] = slots.slotOf(byPair[code]);
      }
    }
  }

  private static String anchored(String body) {
    return Patterns.WORD_START + "(?:" + body + ")" + Patterns.WORD_END;
  }

  private static String join(List<String> alts, BitSet subset) {
    List<String> parts = new ArrayList<>();
    subset.stream().forEach(i -> parts.add(alts.get(i)));
    return String.join("|", parts);
  }

  /** Character class of a folded char: letters, digits, space, anything else. */
  static int classOf(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= '0' && c <= '9') {
      return 26 + c - '0';
    }
    return c == ' ' ? 36 : 37;
  }

  static int pairCode(int first, int second) {
    return first * CLASSES + second;
  }

  private static String samples(int cls) {
    return cls < 37 ? String.valueOf(SAMPLES.charAt(cls)) : OTHER_SAMPLES;
  }

  /** The pair codes a match of {@code p} can start with. */
  private static BitSet pairsOf(Pattern p) {
    BitSet out = new BitSet(CLASSES * CLASSES);
    for (int a = 0; a < CLASSES; a++) {
      if (!canStart(p, samples(a), null)) {
        continue;
      }
      for (int b = 0; b < CLASSES; b++) {
        if (canStart(p, samples(a), samples(b))) {
          out.set(pairCode(a, b));
        }
      }
    }
    return out;
  }

  /** Could a match begin with one of {@code firsts} (then one of {@code seconds}, if given)? */
  private static boolean canStart(Pattern p, String firsts, String seconds) {
    for (int i = 0; i < firsts.length(); i++) {
      String one = firsts.substring(i, i + 1);
      Matcher m1 = p.matcher(one);
      boolean oneMatches = m1.lookingAt();
      if (seconds == null && (oneMatches || m1.hitEnd())) {
        return true;
      }
      for (int j = 0; seconds != null && j < seconds.length(); j++) {
        char second = seconds.charAt(j);
        Matcher m = p.matcher(one + second);
        // hitEnd: the matcher wanted more input, so a longer text starting this way may match
        if (m.lookingAt() || m.hitEnd() || oneMatches && !Character.isLetterOrDigit(second)) {
          return true;
        }
      }
    }
    return false;
  }

  boolean canStartWith(int pairCode) {
    return byPair[pairCode] != null;
  }

  /** The match starting at word {@code k} of {@code f} and ending by {@code regionEnd}, or null. */
  Matcher matchAt(Field f, int k, int regionEnd) {
    Pattern p = byPair[f.wordCodes[k]];
    if (p == null) {
      return null;
    }
    Matcher m = f.matcher(slotByPair[f.wordCodes[k]], p);
    m.region(f.wordStarts[k], regionEnd);
    return m.lookingAt() ? m : null;
  }

  /**
   * Finds the first match that starts at a word start in {@code [from, to)} and ends by {@code
   * regionEnd}; returns its word index, or -1. The returned matcher holds the match.
   */
  Matcher next(Field f, int fromWord, int to, int regionEnd, int[] wordOut) {
    int[] starts = f.wordStarts;
    int[] codes = f.wordCodes;
    for (int k = fromWord; k < starts.length && starts[k] < to; k++) {
      Pattern p = byPair[codes[k]];
      if (p != null) {
        Matcher m = f.matcher(slotByPair[codes[k]], p);
        m.region(starts[k], regionEnd);
        if (m.lookingAt()) {
          wordOut[0] = k;
          return m;
        }
      }
    }
    return null;
  }
}
