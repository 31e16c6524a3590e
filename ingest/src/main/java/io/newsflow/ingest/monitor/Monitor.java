package io.newsflow.ingest.monitor;

import io.newsflow.ingest.fetch.AddressGuard;
import io.newsflow.ingest.fetch.Fault;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.Fetcher;
import io.newsflow.ingest.fetch.PrivateHosts;
import io.newsflow.ingest.fetch.RobotsCache;
import io.newsflow.ingest.fetch.Validators;
import io.newsflow.schemas.Via;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monitors outlets until closed: polls each outlet's feeds, sitemaps and seed pages at its
 * interval, fetches new articles and the ones their source says changed, and produces them to the
 * output. Faults are logged, counted per kind and per outlet, and dead-lettered where an article
 * was lost; one outlet's faults never hold up another's (per-host queues, bounded attempts). {@link
 * #close} stops polling, lets fetches in flight finish, flushes the output and persists the seen
 * store.
 */
public final class Monitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

  final MonitorSettings settings;
  final Output output;
  final MonitorListener listener;
  final SeenStore store;
  final Fetcher fetcher;
  final RobotsCache robots;
  final HostFrontier frontier;
  private final List<Outlet> outlets;
  private final ExecutorService workers;
  final ScheduledExecutorService timer;
  private final ScheduledExecutorService checkpointer;
  private final Map<String, OutletState> states = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
  private final Sources sources;
  final Articles articles;
  volatile boolean stopped;
  private volatile String failure;

  /** Live counters of one outlet. */
  static final class OutletState {
    final String name;
    final LongAdder polls = new LongAdder();
    final LongAdder created = new LongAdder();
    final LongAdder updated = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder deadLetters = new LongAdder();
    volatile String lastError;
    volatile Instant lastPollAt;
    volatile Instant nextPollAt;
    // what the outlet's poll is waiting for, by URL: queued, fetching, or a retry
    final Map<String, Activity> activities = new ConcurrentHashMap<>();

    OutletState(String name) {
      this.name = name;
    }
  }

  /** One URL an outlet is waiting for: what is happening to it, and since when (nanoTime). */
  record Activity(String what, long sinceNanos) {}

  /**
   * @param resolver name resolution behind the address guard ({@link
   *     AddressGuard#systemResolver()})
   */
  public Monitor(
      MonitorSettings settings,
      List<Outlet> outlets,
      Output output,
      MonitorListener listener,
      AddressGuard.Resolver resolver)
      throws IOException {
    this(settings, outlets, output, listener, resolver, Clock.systemUTC());
  }

  /**
   * @param clock the seen store's time (tests move it on to expire entries)
   */
  Monitor(
      MonitorSettings settings,
      List<Outlet> outlets,
      Output output,
      MonitorListener listener,
      AddressGuard.Resolver resolver,
      Clock clock)
      throws IOException {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.outlets = List.copyOf(outlets);
    settings.requireRetentionOver(this.outlets);
    this.output = Objects.requireNonNull(output, "output");
    this.listener = listener == null ? new MonitorListener() {} : listener;
    this.store = SeenStore.open(settings.stateDir(), settings.seenRetention(), clock);
    this.fetcher = new Fetcher(settings.fetch(), resolver);
    this.robots = new RobotsCache(fetcher);
    this.workers = Executors.newFixedThreadPool(settings.threads(), named("newsflow-fetch"));
    this.timer = Executors.newSingleThreadScheduledExecutor(named("newsflow-monitor"));
    this.checkpointer = Executors.newSingleThreadScheduledExecutor(named("newsflow-checkpoint"));
    this.frontier =
        new HostFrontier(
            workers,
            timer,
            new HostFrontier.Pace(
                settings.perHostConcurrency(),
                settings.minHostInterval(),
                settings.maxCrawlDelay(),
                HostFrontier.DEFAULT_IDLE_AFTER));
    this.sources = new Sources(this);
    this.articles = new Articles(this);
    for (Outlet o : this.outlets) {
      states.put(o.name(), new OutletState(o.name()));
    }
  }

  /**
   * Schedules every outlet's first poll (spread over the start spread), the periodic checkpoint and
   * the pruning of idle hosts.
   */
  public void start() {
    int n = outlets.size();
    for (int i = 0; i < n; i++) {
      Outlet o = outlets.get(i);
      long spread = Math.min(settings.startSpread().toNanos(), o.pollInterval().toNanos());
      long delay = n <= 1 ? 0 : spread / n * i;
      states.get(o.name()).nextPollAt = Instant.now().plusNanos(delay);
      timer.schedule(() -> poll(o), delay, TimeUnit.NANOSECONDS);
    }
    timer.scheduleWithFixedDelay(frontier::prune, 1, 1, TimeUnit.MINUTES);
    long every = settings.checkpointInterval().toMillis();
    checkpointer.scheduleWithFixedDelay(
        this::checkpointQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  private void poll(Outlet o) {
    if (stopped) {
      return;
    }
    OutletState st = states.get(o.name());
    st.nextPollAt = null;
    long started = System.nanoTime();
    Countdown cycle = new Countdown(() -> pollDone(o, st, started));
    o.feeds().forEach(u -> sources.submit(cycle, o, u, Via.FEED, 0));
    o.sitemaps().forEach(u -> sources.submit(cycle, o, u, Via.SITEMAP, 0));
    o.pages().forEach(u -> sources.submit(cycle, o, u, Via.PAGE, 0));
    cycle.arm();
  }

  private void pollDone(Outlet o, OutletState st, long startedNanos) {
    st.polls.increment();
    st.lastPollAt = Instant.now();
    long delay = Math.max(0, startedNanos + o.pollInterval().toNanos() - System.nanoTime());
    st.nextPollAt = Instant.now().plusNanos(delay);
    synchronized (st) {
      st.notifyAll();
    }
    if (!stopped) {
      try {
        timer.schedule(() -> poll(o), delay, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException stopping) {
        // closing
      }
    }
  }

  /**
   * Waits until every outlet completed at least {@code polls} polls; false when the wait ran out.
   */
  public boolean awaitPolls(long polls, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (OutletState st : states.values()) {
      synchronized (st) {
        while (st.polls.sum() < polls) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(st, Math.min(left, 200_000_000L));
        }
      }
    }
    return true;
  }

  OutletState state(Outlet o) {
    return states.get(o.name());
  }

  /** Counts a fault against the outlet, remembers it as the outlet's last error and logs it. */
  void fault(Outlet o, Fault f, String url, String reason) {
    faults.computeIfAbsent(f.label(), k -> new LongAdder()).increment();
    OutletState st = states.get(o.name());
    st.errors.increment();
    st.lastError = f.label() + " " + url + ": " + reason;
    LOG.warn("{}: {} {}: {}", o.name(), f.label(), url, reason);
  }

  /** {@code o}'s poll now waits for {@code url}, as {@code what} says ("fetching", ...). */
  void waiting(Outlet o, String url, String what) {
    states.get(o.name()).activities.put(url, new Activity(what, System.nanoTime()));
  }

  /** {@code o}'s poll no longer waits for {@code url}. */
  void notWaiting(Outlet o, String url) {
    states.get(o.name()).activities.remove(url);
  }

  /**
   * What the outlet waits for longest: "fetching URL for 42 s (and 3 more)", or null when it waits
   * for nothing.
   */
  static String waitingFor(OutletState st, long nowNanos) {
    Map.Entry<String, Activity> oldest = null;
    int n = 0;
    for (Map.Entry<String, Activity> e : st.activities.entrySet()) {
      n++;
      if (oldest == null || e.getValue().sinceNanos() < oldest.getValue().sinceNanos()) {
        oldest = e;
      }
    }
    if (oldest == null) {
      return null;
    }
    long secs = Math.max(0, (nowNanos - oldest.getValue().sinceNanos()) / 1_000_000_000L);
    return oldest.getValue().what()
        + " "
        + oldest.getKey()
        + " for "
        + secs
        + " s"
        + (n > 1 ? " (and " + (n - 1) + " more)" : "");
  }

  /**
   * Fetches {@code url} for {@code o}, following redirects only to targets that robots.txt allows
   * too, on the same host or another (each hop also passes the address guard, in the fetcher).
   */
  FetchResult fetch(Outlet o, String url, Validators validators) {
    PrivateHosts reach = o.privateHosts();
    String[] at = {pace(url)};
    return fetcher.fetch(
        url,
        validators,
        reach,
        target -> {
          Fetcher.Refusal refused = robots.redirect(target, reach);
          return refused != null ? refused : awaitTurn(at, target);
        });
  }

  /**
   * A redirect hop to another host waits for that host's turn, as a request from its queue would
   * (its pacing and back-off; not its concurrency limit). A turn further away than the longest
   * Crawl-delay is not waited for: the fetch ends, to be tried again later.
   */
  private Fetcher.Refusal awaitTurn(String[] at, String target) {
    String key;
    try {
      key = pace(target);
    } catch (IllegalArgumentException bad) {
      return null; // the fetcher reports the bad location
    }
    if (key.equals(at[0])) {
      return null;
    }
    long wait = frontier.reserve(key, settings.maxCrawlDelay());
    if (wait < 0) {
      return new Fetcher.Refusal(
          Fault.TIMEOUT,
          "redirect target "
              + target
              + ": its host is paced or backing off for longer than "
              + settings.maxCrawlDelay().toSeconds()
              + " s; tried again later");
    }
    try {
      TimeUnit.NANOSECONDS.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Fetcher.Refusal(Fault.TIMEOUT, "stopping before redirect target " + target);
    }
    at[0] = key;
    return null;
  }

  /** Host key for per-host pacing by name: host and port. */
  static String host(String url) {
    URI u = URI.create(url);
    return (u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT))
        + (u.getPort() == -1 ? "" : ":" + u.getPort());
  }

  /**
   * The pacing key of {@code url}: the machine its host was contacted at (every loopback name and
   * IP literal counting as one machine), so that names of one server share its pacing; its host and
   * port until it was first contacted, or when pacing by address is off.
   *
   * @throws IllegalArgumentException when {@code url} is not a URL
   */
  String pace(String url) {
    if (settings.paceByAddress()) {
      String host = URI.create(url).getHost();
      String machine = host == null ? null : fetcher.machineOf(host);
      if (machine != null) {
        return machine;
      }
    }
    return host(url);
  }

  /** Runs {@code task} after {@code delay} on the monitor's timer; false when closing. */
  boolean later(Duration delay, Runnable task) {
    if (stopped) {
      return false;
    }
    try {
      timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (RejectedExecutionException closing) {
      return false;
    }
  }

  /**
   * Pause before retry {@code attempt} (1-based): Retry-After when sent, else 2 s doubling; capped.
   */
  Duration backoff(FetchResult r, int attempt) {
    Duration d =
        r.retryAfter() != null
            ? r.retryAfter()
            : Duration.ofSeconds(2L << Math.min(attempt - 1, 16));
    return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
  }

  /** Flushes the output, then persists what the seen store recorded before the flush. */
  public void checkpoint() {
    store.checkpoint(output::flush);
  }

  private void checkpointQuietly() {
    try {
      checkpoint();
    } catch (RuntimeException e) {
      failure = "checkpoint failed: " + e.getMessage();
      LOG.error("monitor checkpoint failed; stopping", e);
    }
  }

  /** Why monitoring cannot go on (the output failed), or null. */
  public String failure() {
    return failure;
  }

  /** A snapshot of every outlet's status, in outlets-file order. */
  public List<OutletStatus> status() {
    List<OutletStatus> out = new ArrayList<>();
    long now = System.nanoTime();
    for (Outlet o : outlets) {
      OutletState s = states.get(o.name());
      out.add(
          new OutletStatus(
              o.name(),
              s.polls.sum(),
              s.created.sum(),
              s.updated.sum(),
              s.errors.sum(),
              s.deadLetters.sum(),
              s.lastError,
              s.lastPollAt,
              s.nextPollAt,
              waitingFor(s, now)));
    }
    return out;
  }

  /** Faults counted so far by kind ({@link Fault#label()}), sorted by name. */
  public Map<String, Long> faultCounts() {
    Map<String, Long> out = new TreeMap<>();
    faults.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Articles known to the seen store. */
  public int knownArticles() {
    return store.articleCount();
  }

  /** Requests waiting in the per-host queues. */
  public int queued() {
    return frontier.queued();
  }

  @Override
  public void close() throws IOException {
    stopped = true;
    timer.shutdownNow();
    checkpointer.shutdown();
    workers.shutdown();
    try {
      // fetches still running after this are interrupted: what they had is neither produced nor
      // marked seen, so the next start fetches it again (well within the 60 s Ctrl-C allows)
      if (!workers.awaitTermination(
          Math.min(settings.fetch().totalTimeout().toSeconds(), 10), TimeUnit.SECONDS)) {
        // blocking reads ignore interrupts: abort the connections themselves
        fetcher.abortAll();
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
      }
      checkpointer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      checkpoint();
    } catch (RuntimeException e) {
      throw new UncheckedIOException(
          new IOException("final checkpoint failed: " + e.getMessage(), e));
    } finally {
      store.close();
      fetcher.close();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
