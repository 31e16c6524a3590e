package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A named set of entities (for example countries), each key with the surface forms that name it
 * (names, demonyms, capitals, a few well-known places). Scanned once per field on first use; at a
 * word start the first key (in file order) whose forms match there wins.
 */
final class EntityLexicon {
  private final List<String> keys;
  private final Cue[] cues;

  /**
   * All forms of all keys in file order: one attempt per word start finds whether any key matches.
   */
  private final Cue any;

  /** Per pair code, the keys whose forms can start with it. */
  private final int[][] keysByPair;

  EntityLexicon(List<String> keys, List<String> forms, String where, Cue.Slots slots) {
    this.keys = List.copyOf(keys);
    this.cues = new Cue[forms.size()];
    for (int i = 0; i < cues.length; i++) {
      cues[i] = new Cue(forms.get(i), where + " entity " + keys.get(i), slots);
    }
    this.any = new Cue(String.join("|", forms), where, slots);
    this.keysByPair = new int[Cue.PAIRS][];
    for (int code = 0; code < Cue.PAIRS; code++) {
      int c = code;
      keysByPair[code] =
          java.util.stream.IntStream.range(0, cues.length)
              .filter(i -> cues[i].canStartWith(c))
              .toArray();
    }
  }

  List<String> keys() {
    return keys;
  }

  /** The whole pattern of one key's forms, anchored at word boundaries. */
  java.util.regex.Pattern pattern(int key) {
    return cues[key].pattern;
  }

  /**
   * Entity mentions in {@code f}: {start, end, key index}, in text order. At a word start the first
   * key (in file order) whose forms match there wins; the combined pattern finds the word starts
   * where some key matches (its alternatives are in the same order), then the keys are tried there.
   */
  Hits scan(Field f) {
    List<int[]> found = new ArrayList<>();
    int len = f.folded.length();
    int k = 0;
    while (k < f.wordStarts.length) {
      int next = k + 1;
      if (any.matchAt(f, k, len) != null) {
        for (int key : keysByPair[f.wordCodes[k]]) {
          Matcher m = cues[key].matchAt(f, k, len);
          if (m != null) {
            found.add(new int[] {m.start(), m.end(), key});
            next = Math.max(next, f.wordAtOrAfter(m.end()));
            break;
          }
        }
      }
      k = next;
    }
    return new Hits(found);
  }

  /** Positions of entity mentions in one field. */
  static final class Hits {
    private final List<int[]> found;

    Hits(List<int[]> found) {
      this.found = found;
    }

    /** {start, end} of the first mention starting in {@code [from, to)} that overlaps [lo, hi). */
    int[] first(int from, int to, int lo, int hi) {
      for (int[] hit : found) {
        if (hit[0] >= from && hit[0] < to && hit[1] > lo && hit[0] < hi) {
          return new int[] {hit[0], hit[1]};
        }
      }
      return null;
    }

    /**
     * {start, end, key} of the first mention of each different key in {@code [from, to)} that is
     * not yet in {@code seen}; the keys found are added to {@code seen}.
     */
    List<int[]> firstOfEach(int from, int to, BitSet seen) {
      List<int[]> out = new ArrayList<>(4);
      for (int[] hit : found) {
        if (hit[0] >= from && hit[0] < to && !seen.get(hit[2])) {
          seen.set(hit[2]);
          out.add(hit);
        }
      }
      return out;
    }
  }
}
