package io.newsflow.ingest.monitor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Per-host queues in front of a shared worker pool: at most {@code perHost} requests to one host at
 * once, successive starts at least the host's delay apart (the configured interval, or robots.txt's
 * Crawl-delay when longer, capped), and nothing while a host is backing off after 429/5xx. A slow
 * or failing host only ever holds its own share of the workers; other hosts keep going.
 */
final class HostFrontier {
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final int perHost;
  private final long minIntervalNanos;
  private final long maxDelayNanos;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();

  private static final class Host {
    final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    int inFlight;
    long nextAt = System.nanoTime();
    long delay;
    boolean wakeScheduled;
  }

  HostFrontier(
      ExecutorService workers,
      ScheduledExecutorService timer,
      int perHost,
      Duration minInterval,
      Duration maxDelay) {
    this.workers = workers;
    this.timer = timer;
    this.perHost = perHost;
    this.minIntervalNanos = minInterval.toNanos();
    this.maxDelayNanos = maxDelay.toNanos();
  }

  /** Queues a request to {@code host}; it runs on a worker when the host's pace allows. */
  void submit(String host, Runnable task) {
    Host h = host(host);
    synchronized (h) {
      h.queue.add(task);
      pump(h);
    }
  }

  /** The host asked (robots.txt) for this delay between requests; applied up to the cap. */
  void crawlDelay(String host, Duration delay) {
    Host h = host(host);
    synchronized (h) {
      h.delay = Math.min(delay == null ? 0 : delay.toNanos(), maxDelayNanos);
    }
  }

  /** Nothing goes to {@code host} for {@code pause} (429/503 with or without Retry-After). */
  void backoff(String host, Duration pause) {
    Host h = host(host);
    synchronized (h) {
      h.nextAt = Math.max(h.nextAt, System.nanoTime() + pause.toNanos());
    }
  }

  /** Requests waiting, all hosts together. */
  int queued() {
    int n = 0;
    for (Host h : hosts.values()) {
      synchronized (h) {
        n += h.queue.size();
      }
    }
    return n;
  }

  private Host host(String name) {
    return hosts.computeIfAbsent(name, k -> new Host());
  }

  // called with h locked
  private void pump(Host h) {
    while (h.inFlight < perHost && !h.queue.isEmpty()) {
      long now = System.nanoTime();
      if (now < h.nextAt) {
        wakeAt(h, h.nextAt - now);
        return;
      }
      Runnable task = h.queue.poll();
      h.inFlight++;
      h.nextAt = now + Math.max(minIntervalNanos, h.delay);
      try {
        workers.execute(() -> run(h, task));
      } catch (RejectedExecutionException stopping) {
        h.inFlight--;
        h.queue.clear();
        return;
      }
    }
  }

  private void run(Host h, Runnable task) {
    try {
      task.run();
    } finally {
      synchronized (h) {
        h.inFlight--;
        pump(h);
      }
    }
  }

  private void wakeAt(Host h, long delayNanos) {
    if (h.wakeScheduled) {
      return;
    }
    h.wakeScheduled = true;
    try {
      timer.schedule(
          () -> {
            synchronized (h) {
              h.wakeScheduled = false;
              pump(h);
            }
          },
          delayNanos,
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      h.queue.clear();
    }
  }
}
