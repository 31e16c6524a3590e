package io.newsflow.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Keeps a long-running command alive until Ctrl-C (SIGINT/SIGTERM) or until its work fails, and
 * lets the command close its resources in order before the JVM exits, so nothing in flight is lost.
 */
final class UntilStopped implements AutoCloseable {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook;

  UntilStopped() {
    hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                closed.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "newsflow-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Blocks until stopped; returns the failure that ended it early, or null. */
  String await(Supplier<String> failure) throws InterruptedException {
    return await(failure, () -> false);
  }

  /** Blocks until stopped or {@code done}; returns the failure that ended it early, or null. */
  String await(Supplier<String> failure, BooleanSupplier done) throws InterruptedException {
    while (!stop.await(500, TimeUnit.MILLISECONDS)) {
      String f = failure.get();
      if (f != null) {
        return f;
      }
      if (done.getAsBoolean()) {
        return null;
      }
    }
    return null;
  }

  /** Call after the command's own resources are closed. */
  @Override
  public void close() {
    closed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running and now released
    }
  }
}
