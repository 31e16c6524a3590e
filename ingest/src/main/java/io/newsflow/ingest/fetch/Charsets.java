package io.newsflow.ingest.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The charset of a fetched body: a byte-order mark first, then the declaration (HTTP header, then
 * {@code <meta>} / XML prolog) when the bytes agree with it, else Mozilla's detector. A declaration
 * the bytes contradict (e.g. "UTF-8" on Windows-1252 text) is overridden by detection.
 */
public final class Charsets {
  private static final Pattern META =
      Pattern.compile(
          "(?i)<meta[^>]+charset\\s*=\\s*[\"']?([a-z0-9_:.\\-]+)|<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-z0-9_:.\\-]+)");

  private Charsets() {}

  /**
   * @param body the undecoded body
   * @param headerCharset the charset in the Content-Type header, or null
   * @return a charset name Java supports, or null when the body is empty
   */
  public static String detect(byte[] body, String headerCharset) {
    if (body.length == 0) {
      return headerCharset == null ? null : canonical(headerCharset);
    }
    String bom = bom(body);
    if (bom != null) {
      return bom;
    }
    String declared = canonical(headerCharset != null ? headerCharset : metaCharset(body));
    if (declared != null && agrees(body, declared)) {
      return declared;
    }
    String detected = detected(body);
    if (detected != null) {
      return detected;
    }
    return isValidUtf8(body) ? "UTF-8" : "windows-1252";
  }

  private static boolean agrees(byte[] body, String declared) {
    if (declared.equals("UTF-8")) {
      return isValidUtf8(body);
    }
    if (declared.equals("US-ASCII")) {
      for (byte b : body) {
        if (b < 0) {
          return false;
        }
      }
      return true;
    }
    // a declared single-byte charset on text that is valid multi-byte UTF-8 is a wrong declaration
    return !(isValidUtf8(body) && hasHighBytes(body));
  }

  private static String detected(byte[] body) {
    UniversalDetector d = new UniversalDetector();
    d.handleData(body, 0, Math.min(body.length, 64 * 1024));
    d.dataEnd();
    return canonical(d.getDetectedCharset());
  }

  static String metaCharset(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META.matcher(head);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private static String bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return "UTF-8";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return "UTF-16BE";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return "UTF-16LE";
    }
    return null;
  }

  /** Java's canonical name of a charset label, or null when unknown. */
  static String canonical(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    try {
      String name = Charset.forName(label.strip()).name();
      // browsers read Latin-1 labels as windows-1252; so do we
      return name.equals("ISO-8859-1") ? "windows-1252" : name;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static boolean isValidUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean hasHighBytes(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case helper for callers comparing names. */
  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
