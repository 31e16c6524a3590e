package io.newsflow.enrich.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a body's bytes into text: byte-order mark, then the declared charset, then a {@code <meta
 * charset>} in the first 4 KB, then detection (valid UTF-8, else windows-1252, which decodes any
 * byte). Also refuses bodies that are binary rather than text.
 */
final class Decoding {
  private static final int SNIFF_BYTES = 4096;
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

  private Decoding() {}

  static String decode(byte[] body, String declared) throws ExtractionException {
    if (body.length == 0) {
      throw new ExtractionException("body is empty");
    }
    if (body.length >= 3
        && (body[0] & 0xff) == 0xEF
        && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF) {
      return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
    }
    if (looksBinary(body)) {
      throw new ExtractionException("body is binary, not text");
    }
    Charset cs = lookup(declared);
    if (cs == null) {
      String head =
          new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      cs = m.find() ? lookup(m.group(1)) : null;
    }
    if (cs == null || cs.equals(StandardCharsets.UTF_8)) {
      String utf8 = strictUtf8(body);
      if (utf8 != null) {
        return utf8;
      }
      // declared or assumed UTF-8 but invalid: the common mislabel is a single-byte Windows page
      return cs == null
          ? new String(body, Charset.forName("windows-1252"))
          : new String(body, StandardCharsets.UTF_8);
    }
    return new String(body, cs);
  }

  private static Charset lookup(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    // browsers read latin-1 labels as windows-1252 (WHATWG Encoding)
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
      n = "windows-1252";
    }
    try {
      return Charset.forName(n);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static String strictUtf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** NUL bytes or many control bytes in the first 4 KB mean an image, archive or other binary. */
  static boolean looksBinary(byte[] body) {
    int n = Math.min(body.length, SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return control > n / 10;
  }
}
