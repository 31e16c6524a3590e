package io.newsflow.cli;

/**
 * A failure the user can fix, with a message that says how: printed as one line, without a stack
 * trace.
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
