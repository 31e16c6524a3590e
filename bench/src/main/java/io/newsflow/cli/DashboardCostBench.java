package io.newsflow.cli;

import io.newsflow.cli.dashboard.Dashboard;
import io.newsflow.enrich.tag.Tagger;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * What the live dashboard and the extraction-health alerts cost the pipeline, side by side in one
 * process, so that the load of a shared machine hits every arm alike.
 *
 * <p>One JVM runs the in-process broker and the pipeline (enrich and sink) for the whole bench. It
 * feeds the pipeline one batch of articles per phase, and the phases take the arms in turn,
 * reversed every other round:
 *
 * <ul>
 *   <li>{@code off}: no dashboard, no extraction-health watcher;
 *   <li>{@code alerts}: the default of run and replay: the extraction-health watcher alone;
 *   <li>{@code ui}: the dashboard served, with an open page's fetches (pipeline, outlets and
 *       articles JSON every 2 s, by curl in a process of its own, so the page's side is not
 *       counted).
 * </ul>
 *
 * <p>A phase's watcher starts, and reads back its history, before the phase's clock starts: that
 * one-off cost is not what a long run pays. The phase then ends when every article has reached the
 * sink and the watcher has read them all. Its figure is the process's CPU time (all threads: the
 * pipeline, the broker, GC and JIT, the dashboard) per article. On a machine whose cores are busy,
 * CPU per article is the inverse of throughput, and unlike wall time it does not swing when other
 * processes take the cores. Each round gives each arm's change against {@code off} in that round;
 * the bench prints their median and interquartile range, with wall time per article beside it (from
 * the phase's first article ingested to its last one sunk: the pipeline's throughput; the CPU
 * figure runs on until the watcher has read every article, so it holds all of its work).
 *
 * <p>It lives in the cli package to drive the pipeline as replay does. Usage: {@code
 * DashboardCostBench [COPIES_PER_PHASE=60] [ROUNDS=12] [SEEDS=../shared/seeds]}.
 */
public final class DashboardCostBench {
  private static final List<String> ARMS = List.of("off", "alerts", "ui");
  private static final int WARM_UP_ROUNDS = 2;

  private DashboardCostBench() {}

  public static void main(String[] args) throws Exception {
    int copies = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    Path seeds = Path.of(args.length > 2 ? args[2] : "../shared/seeds");
    Path dir = Files.createTempDirectory("newsflow-dashboard-cost");
    Logs.configure(dir.resolve("data"), Logs.level("off"));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Map<String, Object> flags = new HashMap<>();
    flags.put(NewsflowConfig.DATA_DIR_CONFIG, dir.resolve("data").toString());
    flags.put(NewsflowConfig.OUT_DIR_CONFIG, dir.resolve("out").toString());
    flags.put(NewsflowConfig.UI_PORT_CONFIG, port);
    NewsflowConfig config = NewsflowConfig.load(null, Map.of(), flags);
    Progress progress = new Progress(System.err, true);
    Tagger tagger = Pipeline.tagger(config);
    Tracker tracker = new Tracker();
    Map<String, List<double[]>> byArm = new LinkedHashMap<>();
    ARMS.forEach(a -> byArm.put(a, new ArrayList<>()));
    System.out.printf(
        "%d articles per phase, %d rounds of %s after %d warm-up rounds, in %s%n",
        copies * countSeeds(seeds), rounds, ARMS, WARM_UP_ROUNDS, dir);
    try (Cluster cluster = Cluster.embeddedUnlessConfigured(config, progress)) {
      cluster.ensureTopics(tagger.topicNames());
      AtomicReference<Dashboard> watching = new AtomicReference<>();
      try (DeadLetterWatcher dlq = new DeadLetterWatcher(cluster.clientProps());
          Pipeline pipeline =
              new Pipeline(cluster, config, tagger, ReplayCommand.sinking(tracker, watching))) {
        pipeline.start(Duration.ofSeconds(120));
        int phase = 0;
        for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
          List<String> order = new ArrayList<>(ARMS);
          if (Math.floorMod(r, 2) == 1) {
            java.util.Collections.reverse(order);
          }
          StringBuilder line = new StringBuilder(r < 0 ? "warm-up:" : "round " + (r + 1) + ":");
          for (String arm : order) {
            Path batch = batch(dir, seeds, phase++, copies);
            double[] m = phase(arm, batch, config, cluster, progress, tracker, dlq, watching, port);
            if (r >= 0) {
              byArm.get(arm).add(m);
            }
            line.append(
                String.format(
                    Locale.ROOT,
                    "  %s %.3f ms CPU (dashboard threads %.0f µs), %.3f ms wall per article",
                    arm,
                    m[0],
                    m[2],
                    m[1]));
            if (pipeline.failure() != null) {
              throw new IllegalStateException(pipeline.failure());
            }
          }
          System.out.println(line);
        }
      }
    }
    report(byArm, rounds);
  }

  /**
   * Runs one batch in {@code arm}; returns its CPU and wall milliseconds per article, and the
   * microseconds of CPU per article of the dashboard's own threads (reader, lag probe, HTTP).
   */
  private static double[] phase(
      String arm,
      Path batch,
      NewsflowConfig config,
      Cluster cluster,
      Progress progress,
      Tracker tracker,
      DeadLetterWatcher dlq,
      AtomicReference<Dashboard> watching,
      int port)
      throws Exception {
    Dashboard d =
        arm.equals("off")
            ? null
            : DashboardOptions.start(
                config, cluster, arm.equals("ui"), List::of, () -> null, a -> {}, progress);
    Process page = arm.equals("ui") ? openPage(port) : null;
    try {
      if (d != null && !d.awaitCaughtUp(Duration.ofSeconds(60))) {
        throw new IllegalStateException("the dashboard did not read back its history");
      }
      watching.set(d);
      long before = tracker.done();
      double ours0 = Dashboard.cpuSeconds()[0];
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      ReplayCommand.ingest(cluster, config, batch, null, progress, tracker, () -> {});
      long stall = System.nanoTime();
      long seen = tracker.done();
      while (tracker.done() < tracker.expectedCount()) {
        dlq.poll(Duration.ofMillis(100), tracker::dead, tracker::page);
        if (tracker.done() != seen) {
          seen = tracker.done();
          stall = System.nanoTime();
        } else if (System.nanoTime() - stall > Duration.ofSeconds(120).toNanos()) {
          throw new IllegalStateException("no progress; missing " + tracker.missing());
        }
      }
      // the pipeline's throughput: every article sunk; the watcher's catching up is not in it
      long sunk = System.nanoTime();
      if (d != null && !d.awaitCaughtUp(Duration.ofSeconds(60))) {
        throw new IllegalStateException("the dashboard did not catch up");
      }
      long n = tracker.done() - before;
      return new double[] {
        (processCpuNanos() - cpu0) / 1e6 / n,
        (sunk - t0) / 1e6 / n,
        (Dashboard.cpuSeconds()[0] - ours0) * 1e6 / n
      };
    } finally {
      watching.set(null);
      if (page != null) {
        page.destroy();
        page.waitFor();
      }
      if (d != null) {
        d.close();
      }
    }
  }

  /** An open dashboard page's fetches, from a process of its own. */
  private static Process openPage(int port) throws IOException {
    String base = "http://127.0.0.1:" + port + "/api/";
    String loop =
        "while true; do for a in pipeline outlets 'articles?limit=50'; do curl -s -o /dev/null "
            + base
            + "$a; done; sleep 2; done";
    return new ProcessBuilder("bash", "-c", loop).redirectErrorStream(true).start();
  }

  /** COPIES copies of the seed folder, under names no earlier phase used (so new article ids). */
  private static Path batch(Path dir, Path seeds, int phase, int copies) throws IOException {
    Path batch = dir.resolve("phase-" + phase);
    List<Path> files;
    try (Stream<Path> s = Files.list(seeds)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    for (int c = 0; c < copies; c++) {
      Path to = Files.createDirectories(batch.resolve("p" + phase + "-c" + c));
      for (Path f : files) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return batch;
  }

  private static long countSeeds(Path seeds) throws IOException {
    try (Stream<Path> s = Files.list(seeds)) {
      return s.filter(p -> p.toString().endsWith(".txt")).count();
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void report(Map<String, List<double[]>> byArm, int rounds) {
    System.out.println();
    System.out.println(
        "per arm over " + rounds + " rounds: median [first quartile, third quartile]");
    byArm.forEach(
        (arm, ms) ->
            System.out.printf(
                Locale.ROOT,
                "  %-7s CPU %s ms per article   wall %s ms per article   dashboard threads %s µs"
                    + " per article%n",
                arm,
                triple(ms.stream().mapToDouble(m -> m[0]).toArray(), "%.3f"),
                triple(ms.stream().mapToDouble(m -> m[1]).toArray(), "%.3f"),
                triple(ms.stream().mapToDouble(m -> m[2]).toArray(), "%.0f")));
    System.out.println("change against 'off' in the same round: median [interquartile range]");
    List<double[]> off = byArm.get("off");
    for (String arm : ARMS) {
      if (arm.equals("off")) {
        continue;
      }
      List<double[]> x = byArm.get(arm);
      double[] cpu = new double[x.size()];
      double[] wall = new double[x.size()];
      for (int i = 0; i < x.size(); i++) {
        cpu[i] = (x.get(i)[0] - off.get(i)[0]) / off.get(i)[0] * 100;
        wall[i] = (x.get(i)[1] - off.get(i)[1]) / off.get(i)[1] * 100;
      }
      System.out.printf(
          Locale.ROOT,
          "  %-7s CPU per article %s%%   wall per article %s%%   (rounds, CPU: %s)%n",
          arm,
          triple(cpu, "%+.2f"),
          triple(wall, "%+.2f"),
          list(cpu));
    }
  }

  private static String list(double[] v) {
    StringBuilder b = new StringBuilder();
    for (double x : v) {
      b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%+.1f", x));
    }
    return b.toString();
  }

  /** "median [q1, q3]" of {@code v}, each in {@code format}. */
  static String triple(double[] v, String format) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return String.format(Locale.ROOT, format, quantile(s, 0.5))
        + " ["
        + String.format(Locale.ROOT, format, quantile(s, 0.25))
        + ", "
        + String.format(Locale.ROOT, format, quantile(s, 0.75))
        + "]";
  }

  /** The {@code p} quantile of sorted {@code s}, linear between neighbours. */
  static double quantile(double[] s, double p) {
    if (s.length == 0) {
      return Double.NaN;
    }
    double h = (s.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  }
}
