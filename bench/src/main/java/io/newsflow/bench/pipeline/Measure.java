package io.newsflow.bench.pipeline;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one phase of this process cost: wall time, CPU time (all threads), the peak heap in use
 * (sampled every 50 ms) and the peak resident set size (the kernel's high-water mark, reset at the
 * start through {@code /proc/self/clear_refs}).
 */
final class Measure {
  private static final Path STATUS = Path.of("/proc/self/status");

  private final long wall0 = System.nanoTime();
  private final long cpu0 = os().getProcessCpuTime();
  private final Thread sampler;
  private volatile long peakHeap;
  private volatile boolean stop;

  private Measure() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    sampler =
        new Thread(
            () -> {
              while (!stop) {
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  static Measure start() {
    try {
      // 5 resets the peak RSS (VmHWM) to the current RSS
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException e) {
      System.err.println("cannot reset the peak RSS (" + e + "); it covers the whole process");
    }
    return new Measure();
  }

  record Result(
      double wallSeconds, double cpuSeconds, int cores, long peakHeapBytes, long peakRssBytes) {}

  Result stop() throws IOException, InterruptedException {
    long wall = System.nanoTime() - wall0;
    long cpu = os().getProcessCpuTime() - cpu0;
    stop = true;
    sampler.join();
    return new Result(
        wall / 1e9, cpu / 1e9, Runtime.getRuntime().availableProcessors(), peakHeap, peakRss());
  }

  /** VmHWM of /proc/self/status, in bytes. */
  static long peakRss() throws IOException {
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
