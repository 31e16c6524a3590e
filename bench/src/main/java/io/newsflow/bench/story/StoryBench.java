package io.newsflow.bench.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.story.StoryArticle;
import io.newsflow.enrich.story.StoryClusterer;
import io.newsflow.enrich.story.StorySettings;
import io.newsflow.enrich.story.StoryState;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.topology.StoryStepHarness;
import io.newsflow.schemas.EnrichedArticle;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Story-step speed alone: articles/s for {@link StoryClusterer#assign} on one thread with a full
 * window. The window is first filled with {@code --stories} open stories made of synthetic articles
 * (Zipf-distributed words over a 30,000-word vocabulary, names from a pool of 200,000, numbers;
 * fixed seed); the bound on open stories is set to the same number, so it stays full. Then each
 * round assigns the articles of a JSON Lines file ({@code {id, title, text}}, e.g.
 * bench/stories/ecbplus.jsonl) under fresh ids for {@code --seconds}; the first {@code --warmup}
 * rounds are not counted and the median of the rest is printed, by wall clock and by thread CPU.
 *
 * <pre>
 * java -cp ... io.newsflow.bench.story.StoryBench ARTICLES.jsonl [--stories N] [--rounds N] [--warmup N] [--seconds S]
 * </pre>
 */
public final class StoryBench {
  private StoryBench() {}

  public static void main(String[] args) throws IOException {
    List<String> pos = new ArrayList<>();
    int stories = 100_000;
    int rounds = 10;
    int warmup = 5;
    double seconds = 2.0;
    boolean state = false;
    boolean store = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--stories" -> stories = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--state" -> state = true;
        case "--store" -> store = true;
        default -> pos.add(args[i]);
      }
    }
    if (pos.size() != 1) {
      System.err.println(
          "usage: StoryBench ARTICLES.jsonl [--stories N] [--rounds N] [--warmup N] [--seconds S]"
              + " [--state | --store]");
      System.exit(2);
    }
    long liveHeapBefore = liveHeap();
    List<String[]> items = read(Path.of(pos.get(0)));
    StorySettings settings = StorySettings.defaults().withMaxOpenStories(stories);
    StoryClusterer clusterer = new StoryClusterer(settings);
    // --store: the filling articles' changes are written to a map as the step writes its store
    // (in either layout: an older build of enrich first on the class path gives the per-term one)
    boolean perTermLayout = perTermLayout();
    Map<String, byte[]> initial = new HashMap<>();
    StoryState initialState = mapState(initial);
    if (store) {
      clusterer.keepChanges();
    }
    long t0 = System.nanoTime();
    fill(clusterer, stories, store ? () -> clusterer.drainChanges(initialState) : () -> {});
    System.out.printf(
        Locale.ROOT,
        "window filled: %d open stories, %d terms counted, in %.1f s; %d articles to assign%n",
        clusterer.openStories(),
        clusterer.vocabulary(),
        (System.nanoTime() - t0) / 1e9,
        items.size());
    if (!store) {
      // what the window holds in memory: the heap in use after full collections, before and after
      // dropping the one reference to it (--store keeps a copy of the store too, so not there)
      long with = liveHeap();
      int open = clusterer.openStories();
      System.out.printf(
          Locale.ROOT,
          "window in memory: %d MB live heap with it (%.1f KB an open story, the term table"
              + " included)%n",
          with >> 20,
          (with - liveHeapBefore) / 1024.0 / Math.max(1, open));
    }

    if (store) {
      storeRounds(clusterer, initial, settings, items, rounds, warmup, seconds, perTermLayout);
      return;
    }

    // --state: also encode what changed after each article, as the topology does for its store
    // (the encoding and the hand-over; RocksDB and the changelog are not in this figure)
    CountingState sink = state ? new CountingState() : null;
    if (sink != null) {
      clusterer.keepChanges();
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] wall = new double[rounds];
    double[] cpu = new double[rounds];
    long n = 0;
    for (int r = -warmup; r < rounds; r++) {
      long w0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      long deadline = w0 + (long) (seconds * 1e9);
      long done = 0;
      while (System.nanoTime() < deadline) {
        String[] it = items.get((int) (n % items.size()));
        clusterer.assign(new StoryArticle("b" + n, it[0], it[1], null, null, "en", List.of()));
        if (sink != null) {
          clusterer.drainChanges(sink);
        }
        n++;
        done++;
      }
      if (r >= 0) {
        wall[r] = done / ((System.nanoTime() - w0) / 1e9);
        cpu[r] = done / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "story step, %d open stories: median %.0f articles/s wall, %.0f articles/s CPU"
            + " (%.3f ms CPU per article; %d rounds of %.1f s after %d warm-up)%n",
        clusterer.openStories(),
        median(wall),
        median(cpu),
        1000 / median(cpu),
        rounds,
        seconds,
        warmup);
    if (sink != null) {
      System.out.printf(
          Locale.ROOT,
          "state written per article: %.1f story entries, %.2f term-table records, %.0f bytes%n",
          sink.stories / (double) n,
          sink.terms / (double) n,
          sink.bytes / (double) n);
    }
  }

  /**
   * {@code --store}: the window just filled goes into the step's store (as the step writes it), the
   * production {@code StoryStep} starts on that store (a restore, timed), then each round assigns
   * articles through the step, its cached RocksDB store, changelog and a commit per article.
   */
  private static void storeRounds(
      StoryClusterer clusterer,
      Map<String, byte[]> initial,
      StorySettings settings,
      List<String[]> items,
      int rounds,
      int warmup,
      double seconds,
      boolean perTermLayout)
      throws IOException {
    int open = clusterer.openStories();
    long initialBytes = 0;
    for (Map.Entry<String, byte[]> e : initial.entrySet()) {
      initialBytes += e.getKey().length() + e.getValue().length;
    }
    System.out.printf(
        Locale.ROOT,
        "store layout: %s; %d entries, %.1f MB, to restore from%n",
        perTermLayout ? "one entry a term (old)" : "term table as checkpoint + log (new)",
        initial.size(),
        initialBytes / 1e6);
    Path dir = Files.createTempDirectory("story-bench-state");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Tagger tagger = Tagger.loadDefault();
    try (StoryStepHarness step = new StoryStepHarness(settings, tagger, initial, dir)) {
      initial = null;
      long n = 0;
      step.process(article("b" + n, items.get(0)));
      n++;
      step.drainChangelog();
      System.out.printf(
          Locale.ROOT,
          "step started on the store of %d open stories: restore %.2f s CPU, %.2f s wall%n",
          open,
          StoryStepHarness.restoreCpuNanos / 1e9,
          StoryStepHarness.restoreWallNanos / 1e9);
      long records0 = step.changelogRecords;
      long bytes0 = step.changelogBytes;
      long n0 = n;
      double[] wall = new double[rounds];
      double[] cpu = new double[rounds];
      for (int r = -warmup; r < rounds; r++) {
        long w0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        long deadline = w0 + (long) (seconds * 1e9);
        long done = 0;
        while (System.nanoTime() < deadline) {
          step.process(article("b" + n, items.get((int) (n % items.size()))));
          n++;
          done++;
        }
        long c1 = mx.getCurrentThreadCpuTime();
        long w1 = System.nanoTime();
        // the driver keeps every changelog record in memory: read them away, outside the timing
        step.drainChangelog();
        if (r >= 0) {
          wall[r] = done / ((w1 - w0) / 1e9);
          cpu[r] = done / ((c1 - c0) / 1e9);
        }
        if (r == -1) {
          records0 = step.changelogRecords;
          bytes0 = step.changelogBytes;
          n0 = n;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "story step with its store, %d open stories: median %.0f articles/s wall, %.0f"
              + " articles/s CPU (%.3f ms CPU per article; %d rounds of %.1f s after %d warm-up;"
              + " CPU per round: %s articles/s)%n",
          open,
          median(wall),
          median(cpu),
          1000 / median(cpu),
          rounds,
          seconds,
          warmup,
          Arrays.toString(Arrays.stream(cpu).mapToLong(Math::round).toArray()));
      System.out.printf(
          Locale.ROOT,
          "changelog per article (a commit per article): %.1f records, %.0f bytes%n",
          (step.changelogRecords - records0) / (double) (n - n0),
          (step.changelogBytes - bytes0) / (double) (n - n0));
    }
  }

  private static EnrichedArticle article(String id, String[] item) {
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setSource("bench")
        .setTitle(item[0])
        .setText(item[1])
        .setRemoved(List.of())
        .setTopics(List.of())
        .setLanguage("en")
        .setFetchedAt(Instant.EPOCH)
        .setExtractorVersion("bench")
        .setTaxonomyVersion("bench")
        .build();
  }

  /** Whether the enrich on the class path stores one entry a term (the layout before s6-13). */
  private static boolean perTermLayout() {
    return Arrays.stream(StoryState.class.getMethods())
        .anyMatch(m -> m.getName().equals("putTerm"));
  }

  /**
   * A {@link StoryState} writing into {@code into} under the keys {@code StoryStep} gives each kind
   * of entry, for either layout (a proxy, so the bench compiles against one and runs on both).
   */
  private static StoryState mapState(Map<String, byte[]> into) {
    return (StoryState)
        Proxy.newProxyInstance(
            StoryState.class.getClassLoader(),
            new Class<?>[] {StoryState.class},
            (proxy, m, a) -> {
              switch (m.getName()) {
                case "putStory" -> into.put("s:" + a[0], (byte[]) a[1]);
                case "removeStory" -> into.remove("s:" + a[0]);
                case "putMeta" -> into.put("m", (byte[]) a[0]);
                case "putTerm" -> {
                  int n = (Integer) a[1];
                  if (n <= 0) {
                    into.remove("t:" + a[0]);
                  } else {
                    into.put("t:" + a[0], ByteBuffer.allocate(4).putInt(n).array());
                  }
                }
                case "putTerms" -> {
                  if (a[1] == null) {
                    into.remove("d:" + a[0]);
                  } else {
                    into.put("d:" + a[0], (byte[]) a[1]);
                  }
                }
                case "removeOldTerm" -> into.remove("t:" + a[0]);
                default -> {
                  if (m.getDeclaringClass() == Object.class) {
                    return m.invoke(into, a);
                  }
                  throw new UnsupportedOperationException(m.getName());
                }
              }
              return null;
            });
  }

  /** Counts what the story step would write to its state store. */
  private static final class CountingState implements io.newsflow.enrich.story.StoryState {
    long stories;
    long bytes;
    long terms;

    @Override
    public void putStory(String storyId, byte[] state) {
      stories++;
      bytes += state.length;
    }

    @Override
    public void removeStory(String storyId) {
      stories++;
    }

    @Override
    public void putTerms(String key, byte[] b) {
      terms++;
      bytes += key.length() + (b == null ? 0 : b.length);
    }

    @Override
    public void removeOldTerm(String term) {
      terms++;
    }

    @Override
    public void putMeta(byte[] meta) {
      bytes += meta.length;
    }
  }

  /** Fills the window with synthetic one-article stories. */
  private static void fill(StoryClusterer clusterer, int stories, Runnable afterEach) {
    SplittableRandom rnd = new SplittableRandom(13);
    Zipf words = new Zipf(30_000, 1.05, rnd);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < stories; i++) {
      text.setLength(0);
      for (int w = 0; w < 180; w++) {
        if (w % 12 == 0) {
          text.append(". Name")
              .append(rnd.nextInt(200_000))
              .append(" Place")
              .append(rnd.nextInt(200_000));
        } else if (w % 40 == 1) {
          text.append(' ').append(10 + rnd.nextInt(5000));
        } else {
          text.append(" w").append(Integer.toString(words.next(), 36));
        }
      }
      text.append('.');
      clusterer.assign(
          new StoryArticle("s" + i, "Headline " + i, text.toString(), null, null, "en", List.of()));
      afterEach.run();
    }
  }

  /** Zipf-distributed ranks by inverse CDF over a precomputed table. */
  private static final class Zipf {
    private final double[] cdf;
    private final SplittableRandom rnd;

    Zipf(int n, double s, SplittableRandom rnd) {
      this.rnd = rnd;
      cdf = new double[n];
      double sum = 0;
      for (int k = 1; k <= n; k++) {
        sum += 1 / Math.pow(k, s);
        cdf[k - 1] = sum;
      }
      for (int k = 0; k < n; k++) {
        cdf[k] /= sum;
      }
    }

    int next() {
      int i = Arrays.binarySearch(cdf, rnd.nextDouble());
      return i >= 0 ? i : -i - 1;
    }
  }

  private static List<String[]> read(Path p) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode n = json.readTree(line);
        out.add(new String[] {n.path("title").asText(""), n.path("text").asText("")});
      }
    }
    return out;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Heap in use after asking for full collections (a few, until it stops falling). */
  public static long liveHeap() {
    Runtime rt = Runtime.getRuntime();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      best = Math.min(best, rt.totalMemory() - rt.freeMemory());
    }
    return best;
  }
}
