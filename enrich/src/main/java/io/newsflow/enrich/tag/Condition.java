package io.newsflow.enrich.tag;

import java.util.regex.Matcher;

/**
 * A context test around a cue match: does {@code cue} occur in the cue's sentence, or, when {@code
 * window > 0}, overlap the stretch of {@code window} characters either side of the cue (never
 * leaving the sentence)? With an {@code entity} type, a mention of that type (from the field's
 * gazetteer scan) satisfies the test too; {@code cue} may then be null.
 */
record Condition(Cue cue, String entity, int window) {

  /** Returns {start, end} of the first qualifying hit, or null when there is none. */
  int[] find(Field f, int sentStart, int sentEnd, int cueStart, int cueEnd) {
    int lo = window <= 0 ? sentStart : cueStart - window;
    int hi = window <= 0 ? sentEnd : cueEnd + window;
    if (cue != null) {
      int[] hit = findPattern(f, sentStart, sentEnd, lo, hi);
      if (hit != null) {
        return hit;
      }
    }
    return entity == null ? null : f.entityMention(entity, sentStart, sentEnd, lo, hi);
  }

  private int[] findPattern(Field f, int sentStart, int sentEnd, int lo, int hi) {
    int[] word = new int[1];
    int k = f.wordAtOrAfter(sentStart);
    Matcher m;
    while ((m = cue.next(f, k, sentEnd, sentEnd, word)) != null) {
      k = word[0];
      if (m.start() >= hi) {
        return null;
      }
      if (m.end() > lo) {
        return new int[] {m.start(), m.end()};
      }
      k++;
    }
    return null;
  }
}
