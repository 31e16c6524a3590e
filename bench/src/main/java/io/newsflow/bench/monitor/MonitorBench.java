package io.newsflow.bench.monitor;

import io.newsflow.ingest.fetch.FetchSettings;
import io.newsflow.ingest.monitor.Monitor;
import io.newsflow.ingest.monitor.MonitorSettings;
import io.newsflow.ingest.monitor.Outlet;
import io.newsflow.ingest.monitor.OutletStatus;
import io.newsflow.ingest.monitor.Output;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Bench: N feeds, each on its own host name (all resolved to loopback by the bench), polled every
 * {@code --interval} with the monitor's real politeness (robots.txt, 1 s per host) against a local
 * outlet server. Articles go to a counting output (no Kafka: the broker is measured elsewhere).
 * Prints every 10 s and at the end: feeds polled per second against what the interval demands,
 * articles fetched per second, heap after GC, threads.
 *
 * <p>Usage: {@code MonitorBench [--feeds 5000] [--items 20] [--interval 300] [--duration 600]
 * [--change-every 600] [--threads 64]} (seconds).
 */
public final class MonitorBench {
  private MonitorBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, Integer> a = parse(args);
    int feeds = a.getOrDefault("feeds", 5000);
    int items = a.getOrDefault("items", 20);
    Duration interval = Duration.ofSeconds(a.getOrDefault("interval", 300));
    Duration duration = Duration.ofSeconds(a.getOrDefault("duration", 600));
    int changeEvery = a.getOrDefault("change-every", 600);
    int threads = a.getOrDefault("threads", 64);
    Path state = Files.createTempDirectory("newsflow-monitor-bench");
    LongAdder produced = new LongAdder();
    LongAdder dead = new LongAdder();
    Output counting =
        new Output() {
          @Override
          public void article(RawArticle article) {
            produced.increment();
          }

          @Override
          public void deadLetter(DeadLetter letter) {
            dead.increment();
          }

          @Override
          public void flush() {}
        };
    System.out.printf(
        "monitor bench: %d feeds x %d items, polled every %ds, one new article per feed every %ds, %d threads, %ds%n",
        feeds, items, interval.toSeconds(), changeEvery, threads, duration.toSeconds());
    try (BenchOutlets server = new BenchOutlets(items, changeEvery * 1000L, 4)) {
      List<Outlet> outlets = new ArrayList<>();
      for (int i = 0; i < feeds; i++) {
        outlets.add(
            new Outlet(
                "o" + i,
                List.of("http://o" + i + ".bench.test:" + server.port() + "/feed/" + i + ".xml"),
                List.of(),
                List.of(),
                "en",
                interval,
                List.of(),
                List.of(),
                true));
      }
      FetchSettings fetch =
          FetchSettings.defaults("newsflow-bench/1 (+https://example.org/newsflow-bench)");
      // every bench host resolves to loopback, one machine: paced by name, as hosts of their own
      // address would be
      MonitorSettings settings =
          MonitorSettings.defaults(fetch, state)
              .withThreads(threads)
              .withStartSpread(interval)
              .withPaceByAddress(false);
      InetAddress loopback = InetAddress.getLoopbackAddress();
      long t0 = System.nanoTime();
      try (Monitor monitor =
          new Monitor(settings, outlets, counting, null, host -> new InetAddress[] {loopback})) {
        monitor.start();
        long end = t0 + duration.toNanos();
        while (System.nanoTime() < end) {
          Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
          report(monitor, server, produced, dead, t0, feeds, interval);
        }
        System.out.println("final:");
        report(monitor, server, produced, dead, t0, feeds, interval);
        System.out.printf("faults: %s%n", monitor.faultCounts());
        monitor.status().stream()
            .map(OutletStatus::lastError)
            .filter(e -> e != null)
            .distinct()
            .limit(5)
            .forEach(e -> System.out.println("  e.g. " + e));
      }
    } finally {
      try (Stream<Path> files = Files.walk(state)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void report(
      Monitor m,
      BenchOutlets s,
      LongAdder produced,
      LongAdder dead,
      long t0,
      int feeds,
      Duration interval) {
    double secs = (System.nanoTime() - t0) / 1e9;
    long polls = m.status().stream().mapToLong(OutletStatus::polls).sum();
    long feedRequests = s.feeds200.sum() + s.feeds304.sum();
    double needed = feeds / (double) interval.toSeconds();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(
        "t=%4.0fs polls %7d  feed requests %7d (%.1f/s, needed %.1f/s; 200 %d, 304 %d)  articles %7d (%.1f/s)"
            + "  dead %d  queued %d  known %d  heap after GC %d MiB  threads %d%n",
        secs,
        polls,
        feedRequests,
        feedRequests / secs,
        needed,
        s.feeds200.sum(),
        s.feeds304.sum(),
        produced.sum(),
        produced.sum() / secs,
        dead.sum(),
        m.queued(),
        m.knownArticles(),
        heap >> 20,
        Thread.activeCount());
  }

  private static Map<String, Integer> parse(String[] args) {
    Map<String, Integer> out = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      out.put(args[i].substring(2), Integer.parseInt(args[i + 1]));
    }
    return out;
  }
}
