package io.newsflow.ingest.monitor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Per-host queues in front of a shared worker pool: at most {@code perHost} requests to one host at
 * once, successive starts at least the host's delay apart (the configured interval, or robots.txt's
 * Crawl-delay when longer, capped), and nothing while a host is backing off after 429/5xx. A slow
 * or failing host only ever holds its own share of the workers; other hosts keep going.
 *
 * <p>A host's state is dropped by {@link #prune} once nothing is queued or running for it and its
 * next allowed start lies {@code idleAfter} in the past, so a long run over many outlets keeps only
 * the hosts it is using. Nothing a dropped host knew still mattered: its back-off and pacing had
 * run out, and its Crawl-delay is applied again from robots.txt when it comes back.
 */
final class HostFrontier {
  /**
   * How hosts are paced.
   *
   * @param perHost requests in flight to one host at most
   * @param minInterval least time between two request starts to one host
   * @param maxDelay cap on a host's Crawl-delay
   * @param idleAfter how long after its next allowed start an idle host is dropped
   */
  record Pace(int perHost, Duration minInterval, Duration maxDelay, Duration idleAfter) {}

  /** Idle hosts are kept this long: outlets polled every few minutes keep theirs. */
  static final Duration DEFAULT_IDLE_AFTER = Duration.ofMinutes(10);

  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final int perHost;
  private final long minIntervalNanos;
  private final long maxDelayNanos;
  private final long idleNanos;
  private final LongSupplier clock;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();

  // all fields guarded by the instance
  private static final class Host {
    final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    int inFlight;
    long nextAt;
    long lastStart = Long.MIN_VALUE / 4; // none yet
    long delay;
    boolean wakeScheduled;
    boolean retired; // dropped from the map: whoever still holds it must look the host up again

    Host(long now) {
      nextAt = now;
    }
  }

  HostFrontier(ExecutorService workers, ScheduledExecutorService timer, Pace pace) {
    this(workers, timer, pace, System::nanoTime);
  }

  /**
   * @param clock nanosecond time, as {@link System#nanoTime}
   */
  HostFrontier(
      ExecutorService workers, ScheduledExecutorService timer, Pace pace, LongSupplier clock) {
    this.workers = workers;
    this.timer = timer;
    this.perHost = pace.perHost();
    this.minIntervalNanos = pace.minInterval().toNanos();
    this.maxDelayNanos = pace.maxDelay().toNanos();
    this.idleNanos = pace.idleAfter().toNanos();
    this.clock = clock;
  }

  /** Queues a request to {@code host}; it runs on a worker when the host's pace allows. */
  void submit(String host, Runnable task) {
    withHost(
        host,
        h -> {
          h.queue.add(task);
          pump(h);
        });
  }

  /**
   * The host asked (robots.txt) for this delay between requests; applied up to the cap, from the
   * last request already started on.
   */
  void crawlDelay(String host, Duration delay) {
    if (delay == null) {
      return;
    }
    withHost(
        host,
        h -> {
          // the longest Crawl-delay asked for wins: several host names can share one machine
          h.delay = Math.max(h.delay, Math.min(delay.toNanos(), maxDelayNanos));
          // the request that brought this news may have started before it was known (a host's
          // first request, or its first since it was dropped): the next one waits for it
          h.nextAt = Math.max(h.nextAt, h.lastStart + h.delay);
        });
  }

  /** Nothing goes to {@code host} for {@code pause} (429/503 with or without Retry-After). */
  void backoff(String host, Duration pause) {
    withHost(host, h -> h.nextAt = Math.max(h.nextAt, clock.getAsLong() + pause.toNanos()));
  }

  /**
   * Reserves the next start on {@code host} for a request made outside its queue (a redirect hop):
   * returns how long to wait for it (nanoseconds), or -1, reserving nothing, when that would be
   * over {@code maxWait}.
   */
  long reserve(String host, Duration maxWait) {
    long[] wait = {-1};
    withHost(
        host,
        h -> {
          long now = clock.getAsLong();
          long start = Math.max(now, h.nextAt);
          if (start - now > maxWait.toNanos()) {
            return;
          }
          h.lastStart = start;
          h.nextAt = start + Math.max(minIntervalNanos, h.delay);
          wait[0] = start - now;
        });
    return wait[0];
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

  /** Hosts whose state is kept. */
  int hosts() {
    return hosts.size();
  }

  /**
   * Drops the hosts with nothing queued or running whose next allowed start is more than the idle
   * time ago; returns how many were dropped.
   */
  synchronized int prune() {
    long now = clock.getAsLong();
    int dropped = 0;
    for (Map.Entry<String, Host> e : hosts.entrySet()) {
      Host h = e.getValue();
      synchronized (h) {
        if (h.queue.isEmpty() && h.inFlight == 0 && now - h.nextAt > idleNanos) {
          h.retired = true;
          hosts.remove(e.getKey(), h);
          dropped++;
        }
      }
    }
    return dropped;
  }

  private void withHost(String name, Consumer<Host> action) {
    while (true) {
      Host h = hosts.computeIfAbsent(name, k -> new Host(clock.getAsLong()));
      synchronized (h) {
        if (!h.retired) {
          action.accept(h);
          return;
        }
      }
    }
  }

  // called with h locked
  private void pump(Host h) {
    while (h.inFlight < perHost && !h.queue.isEmpty()) {
      long now = clock.getAsLong();
      if (now < h.nextAt) {
        wakeAt(h, h.nextAt - now);
        return;
      }
      Runnable task = h.queue.poll();
      h.inFlight++;
      h.lastStart = now;
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
