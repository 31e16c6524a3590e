package io.newsflow.sink;

import java.io.IOException;

/** The output already holds offsets of the batch being written: another writer got there first. */
public final class PositionConflictException extends IOException {
  private static final long serialVersionUID = 1L;

  public PositionConflictException(String message) {
    super(message);
  }
}
