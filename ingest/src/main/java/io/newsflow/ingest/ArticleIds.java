package io.newsflow.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable article ids: the first 32 hex digits of a SHA-256. */
public final class ArticleIds {
  private ArticleIds() {}

  /** Id of a web article: from its canonical URL, so every fetch of it gets the same id. */
  public static String forUrl(String canonicalUrl) {
    return hex(canonicalUrl.getBytes(StandardCharsets.UTF_8));
  }

  /** Id of a replayed file: from its path relative to the replayed folder and its content. */
  public static String forFile(String relativePath, byte[] content) {
    MessageDigest sha = sha256();
    sha.update(relativePath.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(content);
    return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes)).substring(0, 32);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
