package io.newsflow.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/** Reads bodies under a byte cap and a deadline, and inflates gzip/deflate under the same cap. */
public final class BodyReader {
  private BodyReader() {}

  /** The body was larger than the cap. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /** The response did not arrive in full before its deadline. */
  public static final class DeadlineException extends IOException {
    private static final long serialVersionUID = 1L;

    DeadlineException(String message) {
      super(message);
    }
  }

  /**
   * Reads at most {@code cap} bytes; throws when there are more (having read one byte past the cap,
   * never more) or the deadline passes. The caller aborts the connection on a throw: closing it
   * normally would read the rest.
   */
  static byte[] read(InputStream in, long cap, long deadlineNanos) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[16384];
    long total = 0;
    int n;
    while ((n = in.read(buf, 0, (int) Math.min(buf.length, cap + 1 - total))) != -1) {
      total += n;
      if (total > cap) {
        throw new TooLargeException("body is over the cap of " + cap + " bytes");
      }
      if (System.nanoTime() > deadlineNanos) {
        throw new DeadlineException("body still arriving after the total timeout");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Inflates a gzip (or zlib "deflate") body, refusing output over {@code cap} bytes: a small
   * compressed body that expands beyond the cap is a decompression bomb.
   *
   * @throws GzipBombException when the output would exceed the cap
   * @throws ZipException when the data is not valid gzip/deflate (a truncated body, usually)
   */
  public static byte[] inflate(byte[] compressed, String encoding, long cap) throws IOException {
    try (InputStream in =
        "deflate".equals(encoding)
            ? new InflaterInputStream(new ByteArrayInputStream(compressed))
            : new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return read(in, cap, Long.MAX_VALUE);
    } catch (TooLargeException e) {
      throw new GzipBombException(
          compressed.length + " compressed bytes expand beyond the cap of " + cap + " bytes");
    }
  }

  /** True when the bytes start with the gzip magic number. */
  public static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  /** A compressed body expands beyond the size cap. */
  public static final class GzipBombException extends IOException {
    private static final long serialVersionUID = 1L;

    GzipBombException(String message) {
      super(message);
    }
  }
}
