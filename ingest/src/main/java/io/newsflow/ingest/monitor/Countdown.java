package io.newsflow.ingest.monitor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an action once when every piece of work begun on it has ended (it starts with one hold,
 * released by {@link #arm}).
 */
final class Countdown {
  private final AtomicInteger pending = new AtomicInteger(1);
  private final AtomicBoolean complete = new AtomicBoolean(true);
  private final Runnable onZero;

  Countdown(Runnable onZero) {
    this.onZero = onZero;
  }

  void begin() {
    pending.incrementAndGet();
  }

  void end() {
    if (pending.decrementAndGet() == 0) {
      onZero.run();
    }
  }

  void arm() {
    end();
  }

  /** Some of the work was skipped (stopping, or deferred to the next poll). */
  void incomplete() {
    complete.set(false);
  }

  boolean isComplete() {
    return complete.get();
  }
}
