package io.newsflow.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What one phase of this process cost: wall time, CPU time (all threads, and per stage by thread
 * name), the peak heap in use, the heap still in use after each garbage collection, and the peak
 * resident set size (the kernel's high-water mark, reset at the start through {@code
 * /proc/self/clear_refs}). Under G1 most collections are young ones, which leave the old
 * generation's garbage in place: the heap after them is an upper bound of what the process holds,
 * and its trend over a run (not its size) is what shows a leak.
 *
 * <p>A sampler thread reads the heap in use and each live thread's CPU time every 50 ms. A thread
 * that ends between two samples loses at most its last 50 ms; the CPU the JVM spends outside Java
 * threads (garbage collection, the JIT compiler) is the process's CPU time minus the Java threads'.
 */
final class Measure {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final long SAMPLE_MS = 50;
  private static final String SAMPLER_THREAD = "newsflow-bench-sampler";

  /** The stages, in report order, and the thread names that belong to each (first match wins). */
  enum Stage {
    ENRICH("enrich (stream threads)"),
    ENRICH_CLIENTS("enrich's Kafka clients"),
    INGEST("ingest + replay's own tracking"),
    SINK("sinks"),
    WATCHERS("dashboard/alerts watchers"),
    BROKER("broker and other Kafka threads"),
    SAMPLER("this bench's sampler"),
    JVM("JVM: garbage collection, JIT");

    final String label;

    Stage(String label) {
      this.label = label;
    }

    static Stage of(String threadName, String mainName) {
      if (threadName.equals(SAMPLER_THREAD)) {
        return SAMPLER;
      }
      if (threadName.matches(".*-StreamThread-\\d+")) {
        return ENRICH;
      }
      if (threadName.contains("newsflow-enrich")) {
        return ENRICH_CLIENTS;
      }
      if (threadName.equals(mainName) || threadName.contains("newsflow-ingest")) {
        return INGEST;
      }
      if (threadName.startsWith("newsflow-sink") || threadName.contains("| newsflow-sink")) {
        return SINK;
      }
      if (threadName.contains("newsflow-dashboard") || threadName.contains("newsflow-alerts")) {
        return WATCHERS;
      }
      return BROKER;
    }
  }

  private final long wall0 = System.nanoTime();
  private final long cpu0 = os().getProcessCpuTime();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final String mainName = Thread.currentThread().getName();
  private final Map<Long, long[]> startCpu = new HashMap<>();
  private final Map<Long, long[]> lastCpu = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final Thread sampler;
  private volatile long peakHeap;
  private volatile boolean stop;

  /** Heap in use after each collection, in bytes, in the order the collections ended. */
  private final List<Long> afterGc = new ArrayList<>();

  /** The names of the heap's memory pools (eden, survivor, old generation). */
  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toUnmodifiableSet());

  private final NotificationListener gcListener =
      (Notification n, Object handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          // the map holds every memory pool (metaspace and code too): sum the heap's only
          long used = 0;
          for (Map.Entry<String, MemoryUsage> e :
              info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
              used += e.getValue().getUsed();
            }
          }
          synchronized (afterGc) {
            afterGc.add(used);
          }
        }
      };

  private Measure() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(gcListener, null, null);
      }
    }
    sampleThreads(true);
    sampler =
        new Thread(
            () -> {
              while (!stop) {
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                sampleThreads(false);
                try {
                  Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            SAMPLER_THREAD);
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts measuring now; resets the process's peak RSS first. */
  static Measure start() {
    try {
      // 5 resets the peak RSS (VmHWM) to the current RSS
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException e) {
      System.err.println("cannot reset the peak RSS (" + e + "); it covers the whole process");
    }
    return new Measure();
  }

  private synchronized void sampleThreads(boolean first) {
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = threads.getThreadCpuTime(ids[i]);
      if (cpu < 0 || infos[i] == null) {
        continue;
      }
      names.putIfAbsent(ids[i], infos[i].getThreadName());
      // a thread born after the start counts from zero
      startCpu.computeIfAbsent(ids[i], k -> new long[] {first ? cpu : 0});
      lastCpu.computeIfAbsent(ids[i], k -> new long[1])[0] = cpu;
    }
  }

  /** What was measured. {@code stageCpuSeconds} is in {@link Stage} order. */
  record Result(
      double wallSeconds,
      double cpuSeconds,
      int cores,
      long peakHeapBytes,
      long peakRssBytes,
      Map<Stage, Double> stageCpuSeconds,
      List<Long> heapAfterGcBytes) {

    /** The heap in use after the collection at quantile {@code q} (0 to 1); -1 with none. */
    long heapAfterGc(double q) {
      if (heapAfterGcBytes.isEmpty()) {
        return -1;
      }
      List<Long> sorted = heapAfterGcBytes.stream().sorted().toList();
      return sorted.get((int) Math.round(q * (sorted.size() - 1)));
    }
  }

  Result stop() throws IOException, InterruptedException {
    sampleThreads(false);
    long wall = System.nanoTime() - wall0;
    long cpu = os().getProcessCpuTime() - cpu0;
    stop = true;
    sampler.join();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(gcListener);
        } catch (ListenerNotFoundException e) {
          // not added to this one
        }
      }
    }
    List<Long> heapAfterGc;
    synchronized (afterGc) {
      heapAfterGc = List.copyOf(afterGc);
    }
    Map<Stage, Double> stages = new LinkedHashMap<>();
    for (Stage s : Stage.values()) {
      stages.put(s, 0.0);
    }
    double javaThreads = 0;
    synchronized (this) {
      for (Map.Entry<Long, long[]> e : lastCpu.entrySet()) {
        double s = (e.getValue()[0] - startCpu.get(e.getKey())[0]) / 1e9;
        stages.merge(Stage.of(names.get(e.getKey()), mainName), s, Double::sum);
        javaThreads += s;
      }
    }
    stages.put(Stage.JVM, Math.max(0, cpu / 1e9 - javaThreads));
    return new Result(
        wall / 1e9,
        cpu / 1e9,
        Runtime.getRuntime().availableProcessors(),
        peakHeap,
        peakRss(),
        stages,
        heapAfterGc);
  }

  /** VmHWM of /proc/self/status, in bytes; -1 where the file is missing (not Linux). */
  static long peakRss() throws IOException {
    if (!Files.exists(STATUS)) {
      return -1;
    }
    for (String line : Files.readAllLines(STATUS)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
      }
    }
    return -1;
  }

  private static OperatingSystemMXBean os() {
    return (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  }
}
