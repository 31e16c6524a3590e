package io.newsflow.enrich.topology;

/** A step's decision that a record's content cannot be processed; becomes a dead letter. */
final class Rejected extends Exception {
  private static final long serialVersionUID = 1L;

  Rejected(String reason, Throwable cause) {
    super(reason, cause);
  }
}
