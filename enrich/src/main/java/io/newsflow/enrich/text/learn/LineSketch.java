package io.newsflow.enrich.text.learn;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A fixed-size count-min sketch of how many recent articles of one outlet contained each line, plus
 * the (equally decayed) number of articles. Its size never grows: {@code depth x width} 16-bit
 * counters and a ring of the last article fingerprints (to not count a re-sent article twice).
 * Every {@code halfLife} articles all counts are halved, so lines the outlet stopped using fade
 * out. Not thread-safe.
 */
public final class LineSketch {
  private static final int VERSION = 1;
  private static final int RECENT = 64;

  private final int depth;
  private final int width;
  private final int halfLife;
  private final char[] counts;
  private final long[] recent;
  private int recentNext;
  private double articles;
  private int sinceDecay;

  public LineSketch(int depth, int width, int halfLife) {
    if (depth < 1 || width < 16 || halfLife < 1) {
      throw new IllegalArgumentException("depth >= 1, width >= 16, halfLife >= 1 required");
    }
    this.depth = depth;
    this.width = width;
    this.halfLife = halfLife;
    this.counts = new char[depth * width];
    this.recent = new long[RECENT];
  }

  /**
   * Estimated number of recent articles that contained the line (never an under-estimate before
   * decay).
   */
  public int estimate(long lineHash) {
    int min = Integer.MAX_VALUE;
    for (int d = 0; d < depth; d++) {
      min = Math.min(min, counts[d * width + slot(lineHash, d)]);
    }
    return min;
  }

  /** Decayed number of articles seen. */
  public double articles() {
    return articles;
  }

  /**
   * Counts one article given the distinct hashes of its lines. Returns false (and counts nothing)
   * when the same article was counted recently.
   */
  public boolean addArticle(long fingerprint, long[] distinctLineHashes) {
    for (long r : recent) {
      if (r == fingerprint && fingerprint != 0) {
        return false;
      }
    }
    recent[recentNext] = fingerprint;
    recentNext = (recentNext + 1) % RECENT;
    for (long h : distinctLineHashes) {
      for (int d = 0; d < depth; d++) {
        int i = d * width + slot(h, d);
        if (counts[i] < Character.MAX_VALUE) {
          counts[i]++;
        }
      }
    }
    articles++;
    if (++sinceDecay >= halfLife) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = (char) (counts[i] >>> 1);
      }
      articles /= 2;
      sinceDecay = 0;
    }
    return true;
  }

  private int slot(long h, int d) {
    long x = h * (0x9E3779B97F4A7C15L + 2L * d + 1) + d;
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    x ^= x >>> 29;
    return (int) Math.floorMod(x, (long) width);
  }

  /**
   * The serialized form stored in {@link LineStats}; its length depends only on depth and width.
   */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(24 + 8 + 8 * RECENT + 4 + 2 * counts.length);
    b.putInt(VERSION)
        .putInt(depth)
        .putInt(width)
        .putInt(halfLife)
        .putInt(sinceDecay)
        .putInt(recentNext);
    b.putDouble(articles);
    for (long r : recent) {
      b.putLong(r);
    }
    b.putInt(counts.length);
    for (char c : counts) {
      b.putChar(c);
    }
    return b.array();
  }

  public static LineSketch fromBytes(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int version = b.getInt();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown LineSketch version " + version);
    }
    LineSketch s = new LineSketch(b.getInt(), b.getInt(), b.getInt());
    s.sinceDecay = b.getInt();
    s.recentNext = b.getInt();
    s.articles = b.getDouble();
    for (int i = 0; i < RECENT; i++) {
      s.recent[i] = b.getLong();
    }
    int n = b.getInt();
    for (int i = 0; i < n; i++) {
      s.counts[i] = b.getChar();
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LineSketch s && Arrays.equals(toBytes(), s.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }
}
