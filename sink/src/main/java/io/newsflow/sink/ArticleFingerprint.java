package io.newsflow.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.EnrichedArticle;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies an article's content: a hash of its JSON form without the fetch time, so the same
 * article fetched again (or re-delivered) is recognised as a duplicate, while a re-enrichment that
 * changed anything is not.
 */
public final class ArticleFingerprint {
  private ArticleFingerprint() {}

  /** 32 hex characters. */
  public static String of(EnrichedArticle article) {
    return of(ArticleJson.toJson(article));
  }

  /** The fingerprint of an article's JSON form (as made by {@link ArticleJson#toJson}). */
  public static String of(ObjectNode json) {
    ObjectNode copy = json.deepCopy();
    copy.remove("fetchedAt");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(ArticleJson.MAPPER.writeValueAsBytes(copy));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
