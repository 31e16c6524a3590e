package io.newsflow.enrich.story;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * The binary form of an open story, of the clusterer's counters and of the document-frequency
 * table's records (checkpoint header and parts, one article's terms) in the state store. Versioned
 * by a leading byte, so a later layout can still read what an older one wrote.
 */
final class StateCodec {
  private static final byte VERSION = 1;

  private StateCodec() {}

  /**
   * The same bytes a {@link DataOutputStream} wrote for this layout (big-endian ints and longs, a
   * string as its UTF-8 length and bytes, -1 for null), written into one array without a stream's
   * per-byte synchronised calls: the story step encodes its changed story after every article.
   */
  static byte[] encode(Story s) {
    Bytes out = new Bytes(4096);
    out.b(VERSION);
    out.str(s.id);
    out.l(s.created);
    out.l(s.touched);
    out.str(s.title);
    out.instant(s.firstSeen);
    out.instant(s.lastSeen);
    out.fixed(s.count);
    out.fixed(s.languages.size());
    for (String l : s.languages) {
      out.str(l);
    }
    out.fixed(s.keys.size());
    for (String k : s.keys) {
      out.str(k);
    }
    out.terms(s.words);
    out.terms(s.names);
    out.fixed(s.articles.size());
    for (ArticleRef a : s.articles) {
      out.str(a.id());
      out.str(a.outlet());
      out.str(a.language());
      out.instant(a.published());
      out.str(a.duplicateOf());
    }
    out.fixed(s.hashes.size());
    for (Story.Copy c : s.hashes) {
      out.l(c.simhash());
      out.str(c.articleId());
    }
    out.fixed(s.tags.size());
    for (Map.Entry<String, Integer> t : s.tags.entrySet()) {
      out.str(t.getKey());
      out.fixed(t.getValue());
    }
    return out.array();
  }

  static Story decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      version(in);
      Story s = new Story(str(in), in.readLong());
      s.touched = in.readLong();
      s.title = str(in);
      s.firstSeen = instant(in);
      s.lastSeen = instant(in);
      s.count = in.readInt();
      for (int i = in.readInt(); i > 0; i--) {
        s.languages.add(str(in));
      }
      for (int i = in.readInt(); i > 0; i--) {
        s.keys.add(str(in));
      }
      terms(in, s.words);
      terms(in, s.names);
      for (int i = in.readInt(); i > 0; i--) {
        s.articles.addLast(new ArticleRef(str(in), str(in), str(in), instant(in), str(in)));
      }
      for (int i = in.readInt(); i > 0; i--) {
        s.hashes.addLast(new Story.Copy(in.readLong(), str(in)));
      }
      for (int i = in.readInt(); i > 0; i--) {
        s.tags.put(str(in), in.readInt());
      }
      return s;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a stored story: " + e, e);
    }
  }

  /** The clusterer's counters. */
  record Meta(Instant clock, long arrivals, double documents, long added, long halvings) {}

  static byte[] encode(Meta m) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      instant(out, m.clock());
      out.writeLong(m.arrivals());
      out.writeDouble(m.documents());
      out.writeLong(m.added());
      out.writeLong(m.halvings());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Meta decodeMeta(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      version(in);
      return new Meta(instant(in), in.readLong(), in.readDouble(), in.readLong(), in.readLong());
    } catch (IOException e) {
      throw new IllegalArgumentException("not stored story counters: " + e, e);
    }
  }

  /** Largest encoded part of a term-table checkpoint (well under Kafka's 1 MB record limit). */
  static final int PART_BYTES = 256 * 1024;

  /** The document-frequency table's counters when its checkpoint was written. */
  record Header(double documents, long added, long halvings, int parts) {}

  static byte[] encodeHeader(Header h) {
    Bytes out = new Bytes(32);
    out.b(VERSION);
    out.l(Double.doubleToRawLongBits(h.documents()));
    out.l(h.added());
    out.l(h.halvings());
    out.v(h.parts());
    return out.array();
  }

  static Header decodeHeader(byte[] bytes) {
    Reader in = new Reader(bytes, "term table header");
    return new Header(Double.longBitsToDouble(in.l()), in.l(), in.l(), in.v());
  }

  /** The terms one article added to the table, in the order it counted them. */
  static byte[] encodeTerms(String[] terms) {
    Bytes out = new Bytes(16 + terms.length * 12);
    out.b(VERSION);
    out.v(terms.length);
    for (String t : terms) {
      out.s(t);
    }
    return out.array();
  }

  static String[] decodeTerms(byte[] bytes) {
    Reader in = new Reader(bytes, "logged terms");
    String[] terms = new String[in.v()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = in.s();
    }
    return terms;
  }

  /** The table (term, count) in parts of at most about {@link #PART_BYTES} each. */
  static List<byte[]> encodeTable(Map<String, int[]> table) {
    List<byte[]> parts = new ArrayList<>();
    Bytes out = null;
    int n = 0;
    int countAt = 0;
    for (Map.Entry<String, int[]> e : table.entrySet()) {
      if (out == null) {
        out = new Bytes(PART_BYTES + 1024);
        out.b(VERSION);
        countAt = out.size;
        out.fixed(0);
        n = 0;
      }
      out.s(e.getKey());
      out.v(e.getValue()[0]);
      n++;
      if (out.size >= PART_BYTES) {
        out.fixedAt(countAt, n);
        parts.add(out.array());
        out = null;
      }
    }
    if (out != null) {
      out.fixedAt(countAt, n);
      parts.add(out.array());
    }
    return parts;
  }

  static void decodeTable(byte[] bytes, ObjIntConsumer<String> into) {
    Reader in = new Reader(bytes, "term table part");
    for (int i = in.fixed(); i > 0; i--) {
      into.accept(in.s(), in.v());
    }
  }

  /** A growable byte array with the few writes the term records use (no locks, no streams). */
  private static final class Bytes {
    private byte[] buf;
    private int size;

    Bytes(int capacity) {
      buf = new byte[capacity];
    }

    private void room(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }

    void b(int x) {
      room(1);
      buf[size++] = (byte) x;
    }

    void fixed(int x) {
      room(4);
      fixedAt(size, x);
      size += 4;
    }

    void fixedAt(int at, int x) {
      buf[at] = (byte) (x >>> 24);
      buf[at + 1] = (byte) (x >>> 16);
      buf[at + 2] = (byte) (x >>> 8);
      buf[at + 3] = (byte) x;
    }

    void l(long x) {
      fixed((int) (x >>> 32));
      fixed((int) x);
    }

    /** An unsigned variable-length int, 7 bits a byte. */
    void v(int x) {
      room(5);
      while ((x & ~0x7F) != 0) {
        buf[size++] = (byte) ((x & 0x7F) | 0x80);
        x >>>= 7;
      }
      buf[size++] = (byte) x;
    }

    void s(String t) {
      int n = t.length();
      boolean ascii = true;
      for (int i = 0; i < n && ascii; i++) {
        ascii = t.charAt(i) < 0x80;
      }
      if (ascii) {
        v(n);
        room(n);
        for (int i = 0; i < n; i++) {
          buf[size++] = (byte) t.charAt(i);
        }
      } else {
        byte[] u = t.getBytes(StandardCharsets.UTF_8);
        v(u.length);
        room(u.length);
        System.arraycopy(u, 0, buf, size, u.length);
        size += u.length;
      }
    }

    /** As {@link DataOutputStream}: the UTF-8 length as a fixed int (-1: null), then the bytes. */
    void str(String t) {
      if (t == null) {
        fixed(-1);
        return;
      }
      int n = t.length();
      boolean ascii = true;
      for (int i = 0; i < n && ascii; i++) {
        ascii = t.charAt(i) < 0x80;
      }
      if (ascii) {
        fixed(n);
        room(n);
        for (int i = 0; i < n; i++) {
          buf[size++] = (byte) t.charAt(i);
        }
      } else {
        byte[] u = t.getBytes(StandardCharsets.UTF_8);
        fixed(u.length);
        room(u.length);
        System.arraycopy(u, 0, buf, size, u.length);
        size += u.length;
      }
    }

    void instant(Instant t) {
      b(t != null ? 1 : 0);
      if (t != null) {
        l(t.getEpochSecond());
        fixed(t.getNano());
      }
    }

    void terms(Map<String, Double> terms) {
      fixed(terms.size());
      for (Map.Entry<String, Double> e : terms.entrySet()) {
        str(e.getKey());
        l(Double.doubleToLongBits(e.getValue()));
      }
    }

    byte[] array() {
      return Arrays.copyOf(buf, size);
    }
  }

  private static final class Reader {
    private final byte[] buf;
    private final String what;
    private int at;

    Reader(byte[] buf, String what) {
      this.buf = buf;
      this.what = what;
      if (buf.length == 0 || buf[0] != VERSION) {
        throw new IllegalArgumentException(
            "unknown " + what + " layout " + (buf.length == 0 ? "(empty)" : buf[0]));
      }
      at = 1;
    }

    private void need(int n) {
      if (at + n > buf.length) {
        throw new IllegalArgumentException("truncated " + what);
      }
    }

    int fixed() {
      need(4);
      int x =
          ((buf[at] & 0xFF) << 24)
              | ((buf[at + 1] & 0xFF) << 16)
              | ((buf[at + 2] & 0xFF) << 8)
              | (buf[at + 3] & 0xFF);
      at += 4;
      return x;
    }

    long l() {
      long hi = fixed() & 0xFFFFFFFFL;
      return (hi << 32) | (fixed() & 0xFFFFFFFFL);
    }

    int v() {
      int x = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        need(1);
        byte b = buf[at++];
        x |= (b & 0x7F) << shift;
        if (b >= 0) {
          return x;
        }
      }
      throw new IllegalArgumentException("bad number in " + what);
    }

    String s() {
      int n = v();
      need(n);
      String t = new String(buf, at, n, StandardCharsets.UTF_8);
      at += n;
      return t;
    }
  }

  private static void version(DataInputStream in) throws IOException {
    byte v = in.readByte();
    if (v != VERSION) {
      throw new IOException(
          "unknown story state layout " + v + " (this build reads " + VERSION + ")");
    }
  }

  private static void terms(DataInputStream in, Map<String, Double> into) throws IOException {
    for (int i = in.readInt(); i > 0; i--) {
      into.put(str(in), in.readDouble());
    }
  }

  private static String str(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void instant(DataOutputStream out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  private static Instant instant(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }
}
