package io.newsflow.enrich.tag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A context test around a cue match: does {@code pattern} occur in the cue's sentence, or, when
 * {@code window > 0}, overlap the stretch of {@code window} characters either side of the cue
 * (never leaving the sentence)?
 */
record Condition(Pattern pattern, int window) {

  /** Returns the matcher positioned on the first qualifying hit, or null when there is none. */
  Matcher find(String folded, int sentStart, int sentEnd, int cueStart, int cueEnd) {
    Matcher m = pattern.matcher(folded);
    m.useTransparentBounds(true).useAnchoringBounds(false).region(sentStart, sentEnd);
    while (m.find()) {
      if (window <= 0) {
        return m;
      }
      if (m.start() >= cueEnd + window) {
        return null;
      }
      if (m.end() > cueStart - window) {
        return m;
      }
    }
    return null;
  }
}
