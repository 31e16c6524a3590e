package io.newsflow.enrich.story;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The binary form of an open story and of the clusterer's counters in the state store. Versioned by
 * a leading byte, so a later layout can still read what an older one wrote.
 */
final class StateCodec {
  private static final byte VERSION = 1;

  private StateCodec() {}

  static byte[] encode(Story s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      str(out, s.id);
      out.writeLong(s.created);
      out.writeLong(s.touched);
      str(out, s.title);
      instant(out, s.firstSeen);
      instant(out, s.lastSeen);
      out.writeInt(s.count);
      out.writeInt(s.languages.size());
      for (String l : s.languages) {
        str(out, l);
      }
      out.writeInt(s.keys.size());
      for (String k : s.keys) {
        str(out, k);
      }
      terms(out, s.words);
      terms(out, s.names);
      out.writeInt(s.articles.size());
      for (ArticleRef a : s.articles) {
        str(out, a.id());
        str(out, a.outlet());
        str(out, a.language());
        instant(out, a.published());
        str(out, a.duplicateOf());
      }
      out.writeInt(s.hashes.size());
      for (Story.Copy c : s.hashes) {
        out.writeLong(c.simhash());
        str(out, c.articleId());
      }
      out.writeInt(s.tags.size());
      for (Map.Entry<String, Integer> t : s.tags.entrySet()) {
        str(out, t.getKey());
        out.writeInt(t.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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

  private static void version(DataInputStream in) throws IOException {
    byte v = in.readByte();
    if (v != VERSION) {
      throw new IOException(
          "unknown story state layout " + v + " (this build reads " + VERSION + ")");
    }
  }

  private static void terms(DataOutputStream out, Map<String, Double> terms) throws IOException {
    out.writeInt(terms.size());
    for (Map.Entry<String, Double> e : terms.entrySet()) {
      str(out, e.getKey());
      out.writeDouble(e.getValue());
    }
  }

  private static void terms(DataInputStream in, Map<String, Double> into) throws IOException {
    for (int i = in.readInt(); i > 0; i--) {
      into.put(str(in), in.readDouble());
    }
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
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
