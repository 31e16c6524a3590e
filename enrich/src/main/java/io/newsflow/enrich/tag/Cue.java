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
 * first two characters, and skipped unless the third and fourth can follow: at each word start only
 * the alternatives that can begin that way are tried. Results are those of the whole pattern (same
 * alternatives, same order).
 */
final class Cue {
  static final int CLASSES = 38;
  static final int PAIRS = CLASSES * CLASSES;
  private static final String SAMPLES = "abcdefghijklmnopqrstuvwxyz0123456789 ";
  private static final String OTHER_SAMPLES = "-'\".,;:!?()/\u00e7\u0131\u0153";

  final Pattern pattern;

  /** Per pair code: the pattern holding just the alternatives that can start so, or null. */
  private final Pattern[] byPair = new Pattern[CLASSES * CLASSES];

  /** Per pair code: that pattern's slot in a field's matcher table. */
  private final int[] slotByPair = new int[CLASSES * CLASSES];

  /** Per pair code: bit c set when the third character may be of class c. */
  private final long[] thirdByPair = new long[CLASSES * CLASSES];

  /**
   * Per pair code: for each class of the third char, bit d set when the fourth char may be of class
   * d; null when the fourth char is not checked for that pair.
   */
  private final long[][] fourthByPair = new long[CLASSES * CLASSES][];

  private static final long ALL = (1L << CLASSES) - 1;

  /**
   * An alternative whose start allows more (pair, third) combinations than this is not filtered on
   * its fourth char: probing them all would slow the taxonomy's loading for little gain.
   */
  private static final int MAX_FOURTH_PROBES = 32;

  /**
   * Hands out matcher-table slots, one per distinct pattern of a taxonomy, and holds what is known
   * about how its alternatives can start ({@link CueProbes}).
   */
  static final class Slots {
    private final Map<Pattern, Integer> slots = new java.util.IdentityHashMap<>();
    final CueProbes probes;

    Slots(CueProbes probes) {
      this.probes = probes;
    }

    int slotOf(Pattern p) {
      return slots.computeIfAbsent(p, x -> slots.size());
    }

    int size() {
      return slots.size();
    }
  }

  /**
   * @param body the expanded regex, without word anchors
   */
  Cue(String body, String where, Slots slots) {
    this.pattern = Patterns.compile(anchored(body), where);
    List<String> alts = Alternatives.flatten(body);
    List<Map<Integer, Long>> starts = new ArrayList<>(alts.size());
    List<Map<Integer, long[]>> fourths = new ArrayList<>(alts.size());
    for (String alt : alts) {
      String probe = anchored(Alternatives.withoutLeadingLookbehinds(alt));
      CueProbes.Found found = slots.probes.of(probe, x -> probe(x, where));
      starts.add(found.starts());
      fourths.add(found.fourths());
    }
    Map<BitSet, Pattern> cache = new HashMap<>();
    for (int code = 0; code < byPair.length; code++) {
      BitSet subset = new BitSet(alts.size());
      long third = 0;
      for (int i = 0; i < alts.size(); i++) {
        Long mask = starts.get(i).get(code);
        if (mask != null) {
          subset.set(i);
          third |= mask;
        }
      }
      if (!subset.isEmpty()) {
        byPair[code] =
            cache.computeIfAbsent(subset, s -> Patterns.compile(anchored(join(alts, s)), where));
        slotByPair[code] = slots.slotOf(byPair[code]);
        thirdByPair[code] = third;
        fourthByPair[code] = fourthMasks(subset, code, starts, fourths);
      }
    }
  }

  /** How a match of the alternative {@code probe} can start, found by running it on probes. */
  static CueProbes.Found probe(String probe, String where) {
    Pattern p = Patterns.compile(probe, where);
    Map<Integer, Long> s = startsOf(p);
    return new CueProbes.Found(s, fourthsOf(p, s));
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

  /**
   * For each pair code a match of {@code p} can start with, the classes its third char may have.
   */
  private static Map<Integer, Long> startsOf(Pattern p) {
    Map<Integer, Long> out = new HashMap<>();
    for (int a = 0; a < CLASSES; a++) {
      if (!canStart(p, samples(a))) {
        continue;
      }
      for (int b = 0; b < CLASSES; b++) {
        List<String> ab = concat(samples(a), samples(b));
        if (!canStart(p, ab)) {
          continue;
        }
        long mask = 0;
        for (int c = 0; c < CLASSES; c++) {
          if (canStart(p, concat(ab, samples(c)))) {
            mask |= 1L << c;
          }
        }
        if (mask != 0) {
          out.put(pairCode(a, b), mask);
        }
      }
    }
    return out;
  }

  /**
   * For each (pair code, third class) a match of {@code p} can start with, the classes its fourth
   * char may have, indexed [pair][third]; null when there are too many such starts to probe.
   */
  private static Map<Integer, long[]> fourthsOf(Pattern p, Map<Integer, Long> starts) {
    int combos = 0;
    for (long mask : starts.values()) {
      combos += Long.bitCount(mask);
    }
    if (combos > MAX_FOURTH_PROBES) {
      return null;
    }
    Map<Integer, long[]> out = new HashMap<>();
    for (Map.Entry<Integer, Long> e : starts.entrySet()) {
      int a = e.getKey() / CLASSES;
      int b = e.getKey() % CLASSES;
      long[] masks = new long[CLASSES];
      for (int c = 0; c < CLASSES; c++) {
        if ((e.getValue() >>> c & 1L) == 0) {
          continue;
        }
        List<String> abc = concat(concat(samples(a), samples(b)), samples(c));
        for (int d = 0; d < CLASSES; d++) {
          if (canStart(p, concat(abc, samples(d)))) {
            masks[c] |= 1L << d;
          }
        }
      }
      out.put(e.getKey(), masks);
    }
    return out;
  }

  /** The fourth-char masks of the alternatives in {@code subset} at {@code code}, or null. */
  private static long[] fourthMasks(
      BitSet subset,
      int code,
      List<Map<Integer, Long>> starts,
      List<Map<Integer, long[]>> fourths) {
    long[] out = new long[CLASSES];
    for (int i = subset.nextSetBit(0); i >= 0; i = subset.nextSetBit(i + 1)) {
      Long third = starts.get(i).get(code);
      if (third == null) {
        continue;
      }
      Map<Integer, long[]> f = fourths.get(i);
      for (int c = 0; c < CLASSES; c++) {
        if ((third >>> c & 1L) != 0) {
          out[c] |= f == null ? ALL : f.get(code)[c];
        }
      }
    }
    for (long m : out) {
      if (m != ALL && m != 0) {
        return out;
      }
    }
    return null; // nothing to filter on beyond what the third char's mask says
  }

  private static List<String> samples(int cls) {
    String chars = cls < 37 ? String.valueOf(SAMPLES.charAt(cls)) : OTHER_SAMPLES;
    List<String> out = new ArrayList<>(chars.length());
    chars.chars().forEach(c -> out.add(String.valueOf((char) c)));
    return out;
  }

  private static List<String> concat(List<String> heads, List<String> tails) {
    List<String> out = new ArrayList<>(heads.size() * tails.size());
    heads.forEach(h -> tails.forEach(t -> out.add(h + t)));
    return out;
  }

  /** Could a match begin with one of {@code probes}? */
  private static boolean canStart(Pattern p, List<String> probes) {
    for (String probe : probes) {
      Matcher m = p.matcher(probe);
      // hitEnd: the matcher wanted more input, so a longer text starting this way may match
      if (m.lookingAt() || m.hitEnd()) {
        return true;
      }
    }
    return false;
  }

  private boolean fourthMayFollow(int code, int third, int fourth) {
    long[] masks = fourthByPair[code];
    return masks == null || (masks[third] >>> fourth & 1L) != 0;
  }

  boolean canStartWith(int pairCode) {
    return byPair[pairCode] != null;
  }

  private boolean mayMatchAt(Field f, int k) {
    int code = f.wordCodes[k];
    return byPair[code] != null
        && (thirdByPair[code] >>> f.wordThirds[k] & 1L) != 0
        && fourthMayFollow(code, f.wordThirds[k], f.wordFourths[k]);
  }

  /** The match starting at word {@code k} of {@code f} and ending by {@code regionEnd}, or null. */
  Matcher matchAt(Field f, int k, int regionEnd) {
    if (!mayMatchAt(f, k)) {
      return null;
    }
    Pattern p = byPair[f.wordCodes[k]];
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
    int[] thirds = f.wordThirds;
    int[] fourths = f.wordFourths;
    for (int k = fromWord; k < starts.length && starts[k] < to; k++) {
      Pattern p = byPair[codes[k]];
      if (p != null
          && (thirdByPair[codes[k]] >>> thirds[k] & 1L) != 0
          && fourthMayFollow(codes[k], thirds[k], fourths[k])) {
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
