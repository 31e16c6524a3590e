package io.newsflow.ingest.fetch;

/**
 * Conditional-GET validators remembered from the last successful fetch of a URL.
 *
 * @param etag the ETag, or null
 * @param lastModified the Last-Modified value, or null
 */
public record Validators(String etag, String lastModified) {
  public static final Validators NONE = new Validators(null, null);

  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
