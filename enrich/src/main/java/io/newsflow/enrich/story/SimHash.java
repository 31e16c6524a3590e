package io.newsflow.enrich.story;

import java.util.List;

/**
 * Charikar's SimHash over word 3-shingles: two texts that share most of their shingles get hashes
 * that differ in few of the 64 bits, so a re-sent or lightly edited copy is found by comparing two
 * longs.
 */
final class SimHash {
  private SimHash() {}

  static long of(List<String> tokens) {
    if (tokens.isEmpty()) {
      return 0L;
    }
    int[] votes = new int[64];
    int shingles = Math.max(1, tokens.size() - 2);
    for (int i = 0; i < shingles; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int k = i; k < Math.min(tokens.size(), i + 3); k++) {
        h = mix(h ^ tokens.get(k).hashCode());
      }
      for (int b = 0; b < 64; b++) {
        votes[b] += ((h >>> b) & 1L) != 0 ? 1 : -1;
      }
    }
    long out = 0;
    for (int b = 0; b < 64; b++) {
      if (votes[b] > 0) {
        out |= 1L << b;
      }
    }
    return out;
  }

  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** A 64-bit finaliser (SplitMix64's) so that similar strings give unrelated bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
