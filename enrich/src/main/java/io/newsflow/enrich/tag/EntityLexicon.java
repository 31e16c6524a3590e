package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named set of entities (for example countries), each key with the surface forms that name it
 * (names, demonyms, capitals). Compiled into one pattern so an article is scanned once per type.
 */
final class EntityLexicon {
  private final List<String> keys;
  private final int[] groupOfKey;
  private final Pattern pattern;

  EntityLexicon(List<String> keys, List<String> alternatives) {
    this.keys = List.copyOf(keys);
    this.groupOfKey = new int[keys.size()];
    StringBuilder sb = new StringBuilder(Patterns.WORD_START).append("(?:");
    int group = 1;
    for (int i = 0; i < alternatives.size(); i++) {
      // an alternative may hold groups of its own: remember where each key's outer group is
      groupOfKey[i] = group;
      group += 1 + Pattern.compile(alternatives.get(i)).matcher("").groupCount();
      sb.append(i == 0 ? "(" : "|(").append(alternatives.get(i)).append(')');
    }
    this.pattern = Pattern.compile(sb.append(')').append(Patterns.WORD_END).toString());
  }

  /** Entity hits in {@code folded}: positions and key indexes, in text order. */
  Hits scan(String folded) {
    List<int[]> found = new ArrayList<>();
    Matcher m = pattern.matcher(folded);
    while (m.find()) {
      for (int k = 0; k < groupOfKey.length; k++) {
        if (m.start(groupOfKey[k]) >= 0) {
          found.add(new int[] {m.start(), k});
          break;
        }
      }
    }
    return new Hits(found);
  }

  /** Positions of entity mentions in one field. */
  static final class Hits {
    private final List<int[]> found;

    Hits(List<int[]> found) {
      this.found = found;
    }

    int distinctBetween(int from, int to) {
      long seen = 0;
      int count = 0;
      java.util.BitSet big = null;
      for (int[] hit : found) {
        if (hit[0] < from || hit[0] >= to) {
          continue;
        }
        int k = hit[1];
        boolean fresh;
        if (k < 64) {
          fresh = (seen & (1L << k)) == 0;
          seen |= 1L << k;
        } else {
          big = big == null ? new java.util.BitSet() : big;
          fresh = !big.get(k);
          big.set(k);
        }
        count += fresh ? 1 : 0;
      }
      return count;
    }
  }
}
