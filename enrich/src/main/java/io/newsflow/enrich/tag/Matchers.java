package io.newsflow.enrich.tag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reusable matchers for one thread and one field role (title or text). Creating or re-pointing a
 * matcher costs more than most match attempts, so each thread keeps one matcher per taxonomy
 * pattern, all reading the same buffer, and each article's folded field is copied into that buffer.
 * Every attempt sets a region, which resets the matcher's state anyway.
 */
final class Matchers {
  private final Matcher[] matchers;
  private final Buffer buffer = new Buffer();

  Matchers(int slots) {
    this.matchers = new Matcher[slots];
  }

  /**
   * Matching through these matchers throws {@link TaggingTimeoutException} once {@link
   * System#nanoTime()} passes {@code nanos}.
   */
  void deadline(long nanos) {
    buffer.deadline = nanos;
    buffer.reads = 0;
  }

  /** Points every matcher of this role at {@code folded}. */
  void startField(String folded) {
    buffer.set(folded);
  }

  Matcher get(int slot, Pattern p) {
    Matcher m = matchers[slot];
    if (m == null) {
      m = p.matcher(buffer).useTransparentBounds(true).useAnchoringBounds(false);
      matchers[slot] = m;
    }
    return m;
  }

  /** A growable char buffer the matchers read through. */
  private static final class Buffer implements CharSequence {
    /** The clock is read once per this many characters read by a matcher. */
    private static final int CHECK_EVERY = 1 << 16;

    private char[] chars = new char[4096];
    private int length;
    long deadline = Long.MAX_VALUE;
    int reads;

    void set(String s) {
      if (s.length() > chars.length) {
        chars = new char[Math.max(s.length(), chars.length * 2)];
      }
      s.getChars(0, s.length(), chars, 0);
      length = s.length();
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      if (index >= length) {
        throw new IndexOutOfBoundsException(index);
      }
      if (++reads >= CHECK_EVERY) {
        reads = 0;
        if (System.nanoTime() - deadline > 0) {
          throw new TaggingTimeoutException(
              "tagging gave up on a "
                  + length
                  + "-character field: a taxonomy pattern ran past the time limit");
        }
      }
      return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }
}
