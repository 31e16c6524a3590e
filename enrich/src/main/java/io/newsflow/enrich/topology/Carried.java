package io.newsflow.enrich.topology;

import io.newsflow.schemas.DeadLetter;

/**
 * A value on its way through the topology together with the record's original bytes, or the dead
 * letter it became. Exactly one of {@code value} and {@code dead} is non-null.
 */
record Carried<T>(T value, byte[] original, DeadLetter dead) {
  static <T> Carried<T> ok(T value, byte[] original) {
    return new Carried<>(value, original, null);
  }

  static <T> Carried<T> failed(DeadLetter dead) {
    return new Carried<>(null, null, dead);
  }

  boolean isDead() {
    return dead != null;
  }
}
