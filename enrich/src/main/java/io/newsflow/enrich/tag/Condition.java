package io.newsflow.enrich.tag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A context test around a cue match: does {@code pattern} occur in the cue's sentence, or, when
 * {@code window > 0}, within that many characters either side of the cue (never leaving the sentence)?
 */
record Condition(Pattern pattern, int window) {

  /** Returns the matcher positioned on the first hit, or null when the context does not occur. */
  Matcher find(String folded, int sentStart, int sentEnd, int cueStart, int cueEnd) {
    int from = window > 0 ? Math.max(sentStart, cueStart - window) : sentStart;
    int to = window > 0 ? Math.min(sentEnd, cueEnd + window) : sentEnd;
    Matcher m = pattern.matcher(folded);
    m.useTransparentBounds(true).useAnchoringBounds(false).region(from, to);
    return m.find() ? m : null;
  }
}
