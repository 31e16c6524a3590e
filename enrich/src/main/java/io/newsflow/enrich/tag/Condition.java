package io.newsflow.enrich.tag;

import java.util.regex.Matcher;

/**
 * A context test around a cue match: does {@code cue} occur in the cue's sentence, or, when {@code
 * window > 0}, overlap the stretch of {@code window} characters either side of the cue (never
 * leaving the sentence)?
 */
record Condition(Cue cue, int window) {

  /** Returns the matcher positioned on the first qualifying hit, or null when there is none. */
  Matcher find(Field f, int sentStart, int sentEnd, int cueStart, int cueEnd) {
    int[] word = new int[1];
    int k = f.wordAtOrAfter(sentStart);
    Matcher m;
    while ((m = cue.next(f, k, sentEnd, sentEnd, word)) != null) {
      k = word[0];
      if (window <= 0) {
        return m;
      }
      if (m.start() >= cueEnd + window) {
        return null;
      }
      if (m.end() > cueStart - window) {
        return m;
      }
      k++;
    }
    return null;
  }
}
