package io.newsflow.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.cli.Newsflow;
import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.ExtractionException;
import io.newsflow.enrich.text.ExtractorSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The whole pipeline beside the single-thread extractor, in one JVM and one run: first {@code
 * newsflow replay} of a corpus (in-process broker, enrich and sink, exactly as the command runs),
 * measured for wall time, CPU, peak heap and peak RSS; then the extractor alone, one thread, on the
 * same pages. Prints both rates and their ratio.
 *
 * <pre>
 * java -cp ... io.newsflow.bench.pipeline.PipelineBench --work DIR
 *     (--pages DIR [--copies N] | --generate N | --archive PATH) [--warm] [--no-extractor]
 * </pre>
 *
 * {@code --pages} copies a folder of pages ({@code .html[.gz]}, {@code .txt}) N times (default 1)
 * into subfolders of the work folder, so each copy has ids of its own; {@code --generate} writes N
 * synthetic articles as JSON Lines. The replay's data folder is made fresh unless {@code --warm},
 * which replays once untimed first (a second run on a warm data folder, as a user's second run).
 */
public final class PipelineBench {
  private PipelineBench() {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args);
    Path corpus = a.corpus();
    Path data = a.work.resolve("data");
    Path out = a.work.resolve("out");
    if (!a.warm) {
      deleteTree(data);
    }
    deleteTree(out);
    int pages = countPages(corpus);
    if (a.warm) {
      replay(corpus, data, a.work.resolve("out-warmup"));
      deleteTree(a.work.resolve("out-warmup"));
    }
    Measure m = Measure.start();
    int rc = replay(corpus, data, out);
    Measure.Result r = m.stop();
    if (rc != 0) {
      System.err.println("replay failed with exit code " + rc);
      System.exit(1);
    }
    double pipelineRate = pages / r.wallSeconds();
    System.out.println();
    System.out.println("newsflow bench pipeline");
    System.out.printf(Locale.ROOT, "  corpus             %s (%d pages)%n", corpus, pages);
    System.out.printf(
        Locale.ROOT, "  replay             %.1f s, %.1f pages/s%n", r.wallSeconds(), pipelineRate);
    System.out.printf(
        Locale.ROOT,
        "  cpu                %.1f s of %.1f available (%.0f%% of %d cores)%n",
        r.cpuSeconds(),
        r.wallSeconds() * r.cores(),
        100 * r.cpuSeconds() / (r.wallSeconds() * r.cores()),
        r.cores());
    System.out.printf(Locale.ROOT, "  peak heap in use   %d MB%n", r.peakHeapBytes() >> 20);
    System.out.printf(Locale.ROOT, "  peak RSS           %d MB%n", r.peakRssBytes() >> 20);
    if (!a.noExtractor) {
      double extractorRate = extractorRate(corpus);
      System.out.printf(
          Locale.ROOT,
          "  extractor alone    %.1f pages/s (one thread, same pages)%n",
          extractorRate);
      System.out.printf(Locale.ROOT, "  pipeline/extractor %.2fx%n", pipelineRate / extractorRate);
    }
  }

  private static int replay(Path corpus, Path data, Path out) {
    return Newsflow.run(
        "replay", corpus.toString(), "--out", out.toString(), "--data-dir", data.toString());
  }

  /** Pages per second of the extractor alone, one thread, after one untimed pass over 300. */
  static double extractorRate(Path corpus) throws IOException {
    ArticleExtractor extractor = new ArticleExtractor(ExtractorSettings.defaults());
    List<Page> pages = new ArrayList<>();
    forEachPage(corpus, pages::add);
    for (Page p : pages.subList(0, Math.min(300, pages.size()))) {
      extract(extractor, p);
    }
    long t0 = System.nanoTime();
    for (Page p : pages) {
      extract(extractor, p);
    }
    return pages.size() / ((System.nanoTime() - t0) / 1e9);
  }

  private static void extract(ArticleExtractor extractor, Page p) {
    try {
      extractor.extract(p.body(), null, p.contentType(), p.url());
    } catch (ExtractionException e) {
      // a refused page costs what it cost: the replay refuses it too
    }
  }

  record Page(byte[] body, String contentType, String url) {}

  interface PageConsumer {
    void accept(Page p) throws IOException;
  }

  static int countPages(Path corpus) throws IOException {
    int[] n = {0};
    forEachPage(corpus, p -> n[0]++);
    return n[0];
  }

  static void forEachPage(Path corpus, PageConsumer consumer) throws IOException {
    if (Files.isDirectory(corpus)) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(corpus)) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.matches(".*\\.html?(\\.gz)?$")) {
          consumer.accept(new Page(read(f), "text/html", null));
        } else if (name.endsWith(".txt")) {
          consumer.accept(new Page(read(f), "text/plain", null));
        }
      }
      return;
    }
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = json.readTree(line);
        boolean html = o.hasNonNull("html");
        String body = html ? o.get("html").asText() : o.path("text").asText();
        consumer.accept(
            new Page(
                body.getBytes(StandardCharsets.UTF_8),
                html ? "text/html" : "text/plain",
                o.path("url").asText(null)));
      }
    }
  }

  private static byte[] read(Path f) throws IOException {
    if (!f.getFileName().toString().endsWith(".gz")) {
      return Files.readAllBytes(f);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
      return in.readAllBytes();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Copies a folder of pages {@code copies} times under {@code target}/copy-K. */
  static Path copies(Path pages, int copies, Path target) throws IOException {
    deleteTree(target);
    List<Path> files;
    try (Stream<Path> s = Files.list(pages)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (int k = 0; k < copies; k++) {
      Path dir = Files.createDirectories(target.resolve(String.format("copy-%02d", k)));
      for (Path f : files) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return target;
  }

  private record Args(
      Path work,
      Path pages,
      int copies,
      int generate,
      Path archive,
      boolean warm,
      boolean noExtractor) {
    static Args parse(String[] args) {
      Path work = null;
      Path pages = null;
      Path archive = null;
      int copies = 1;
      int generate = 0;
      boolean warm = false;
      boolean noExtractor = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--work" -> work = Path.of(args[++i]);
          case "--pages" -> pages = Path.of(args[++i]);
          case "--copies" -> copies = Integer.parseInt(args[++i]);
          case "--generate" -> generate = Integer.parseInt(args[++i]);
          case "--archive" -> archive = Path.of(args[++i]);
          case "--warm" -> warm = true;
          case "--no-extractor" -> noExtractor = true;
          default -> usage("unknown option " + args[i]);
        }
      }
      if (work == null
          || ((pages == null ? 0 : 1) + (generate > 0 ? 1 : 0) + (archive == null ? 0 : 1)) != 1) {
        usage("give --work DIR and one of --pages DIR, --generate N, --archive PATH");
      }
      return new Args(work, pages, copies, generate, archive, warm, noExtractor);
    }

    Path corpus() throws IOException {
      if (archive != null) {
        return archive;
      }
      if (generate > 0) {
        Path file = work.resolve("generated-" + generate + ".jsonl");
        return Files.exists(file) ? file : GeneratedCorpus.write(file, generate, 17);
      }
      return PipelineBench.copies(pages, copies, work.resolve("corpus"));
    }

    private static void usage(String problem) {
      System.err.println("PipelineBench: " + problem);
      System.err.println(
          "usage: PipelineBench --work DIR (--pages DIR [--copies N] | --generate N | --archive"
              + " PATH) [--warm] [--no-extractor]");
      System.exit(2);
    }
  }
}
