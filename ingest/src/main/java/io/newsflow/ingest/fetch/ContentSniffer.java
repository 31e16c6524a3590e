package io.newsflow.ingest.fetch;

/**
 * Tells binary bodies from text whatever the Content-Type claims: known magic numbers (images, PDF,
 * archives, media), or control bytes in the first kilobytes that no text page contains.
 */
public final class ContentSniffer {
  private ContentSniffer() {}

  /** The kind of binary content, e.g. {@code image/png}; null when the body looks like text. */
  public static String binaryKind(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return "image/png";
    }
    if (startsWith(b, 0xff, 0xd8, 0xff)) {
      return "image/jpeg";
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return "application/pdf";
    }
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return "application/zip";
    }
    if (startsWith(b, 0x1f, 0x8b)) {
      return "application/gzip";
    }
    if (startsWith(b, 'R', 'I', 'F', 'F')) {
      return "audio/video (RIFF)";
    }
    if (b.length > 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
      return "video/mp4";
    }
    if (startsWith(b, 0x7f, 'E', 'L', 'F')) {
      return "application/x-executable";
    }
    return controlBytes(b) ? "application/octet-stream" : null;
  }

  private static boolean controlBytes(byte[] b) {
    int n = Math.min(b.length, 4096);
    if (n == 0) {
      return false;
    }
    boolean utf16 = n >= 2 && ((b[0] & 0xff) == 0xfe || (b[0] & 0xff) == 0xff);
    if (utf16) {
      return false;
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) {
        control++;
      }
    }
    return control * 20 > n;
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != (magic[i] & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
