package io.newsflow.cli;

import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.ExtractionException;
import io.newsflow.enrich.text.ExtractorSettings;
import io.newsflow.ingest.RawSink;
import io.newsflow.ingest.replay.ArchiveReplay;
import io.newsflow.ingest.replay.ReplaySettings;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow bench}: measures this machine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure the pipeline on this machine and print the figures.",
    subcommands = {BenchCommand.Pipeline.class, CommandLine.HelpCommand.class})
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 2;
  }

  /**
   * The whole pipeline beside the single-thread extractor, in one JVM and one run: {@code replay}
   * of a corpus (in-process broker, enrich and sink, exactly as the command runs), measured for
   * wall time, CPU per stage, peak heap and peak RSS; then the extractor alone, one thread, on the
   * same pages. Prints both rates and their ratio.
   */
  @Command(
      name = "pipeline",
      mixinStandardHelpOptions = true,
      description = {
        "Replay a corpus through every stage (in-process broker, enrich, sink) in this JVM, then run the"
            + " single-thread extractor on the same pages, and print: wall time and pages/s of the"
            + " replay, its CPU use per stage (ms of CPU a page, and the pages/s that stage would do on"
            + " one core), peak heap and peak RSS, the extractor's pages/s and the ratio of the two.",
        "Give exactly one corpus: --pages DIR (a folder of pages, copied --copies times so each copy"
            + " has ids of its own), --generate N (N synthetic plain-text articles) or --archive PATH"
            + " (a folder, WARC or JSON Lines file, replayed as is).",
        "The machine's other work counts: compare the ratio of one run, and run it a few times."
      },
      footer = {
        "",
        "Examples:",
        "  newsflow bench pipeline --pages ../shared/bench/extraction/scrapinghub/html --copies 10",
        "  newsflow bench pipeline --generate 10000 --no-extractor"
      })
  static final class Pipeline implements Callable<Integer> {
    static final class Corpus {
      @Option(
          names = "--pages",
          paramLabel = "DIR",
          required = true,
          description = "Folder of pages (.html, .htm, .txt, .gz of them); see --copies.")
      Path pages;

      @Option(
          names = "--generate",
          paramLabel = "N",
          required = true,
          description =
              "Generate N plain-text articles about events (JSON Lines, 40 outlets, dated as"
                  + " --per-day says, deterministic).")
      Integer generate;

      @Option(
          names = "--archive",
          paramLabel = "PATH",
          required = true,
          description = "Folder, WARC or JSON Lines file, replayed as is.")
      Path archive;
    }

    @ArgGroup(multiplicity = "1")
    Corpus corpus;

    @Option(
        names = "--copies",
        paramLabel = "K",
        defaultValue = "1",
        description = "With --pages: replay K copies of the folder (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(
        names = "--per-day",
        paramLabel = "K",
        defaultValue = "" + GeneratedCorpus.PER_DAY,
        description =
            "With --generate: K articles a day of publication time, so the story window closes"
                + " stories as the days pass; 0 leaves the articles undated, so only the bound on"
                + " open stories limits the window (default: ${DEFAULT-VALUE}).")
    int perDay;

    @Option(
        names = "--work",
        paramLabel = "DIR",
        description =
            "Folder for the corpus copies, the replay's data folder and its output (default: a"
                + " folder 'newsflow-bench' in the system's temporary folder). Emptied first,"
                + " except the generated corpus, which is reused.")
    Path work;

    @Option(
        names = "--warm",
        description =
            "Replay once untimed first, then time a second replay on the warm data folder (as a"
                + " user's second run). Default: a fresh data folder.")
    boolean warm;

    @Option(
        names = "--max-ahead",
        paramLabel = "N",
        description = "Passed to replay: how far ingest may run ahead (default: replay's).")
    Integer maxAhead;

    @Option(
        names = "--no-extractor",
        description = "Skip the single-thread extractor run (and the ratio).")
    boolean noExtractor;

    @Option(
        names = {"-q", "--quiet"},
        description = "Hide the replay's progress lines; print its summary and the report.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
      if (copies < 1) {
        throw new UserError("--copies must be at least 1, not " + copies, null);
      }
      if (corpus.generate != null && corpus.generate < 1) {
        throw new UserError("--generate must be at least 1, not " + corpus.generate, null);
      }
      if (perDay < 0) {
        throw new UserError("--per-day must be 0 or more, not " + perDay, null);
      }
      Path dir =
          work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "newsflow-bench");
      Path source = prepare(dir);
      Path data = dir.resolve("data");
      Path out = dir.resolve("out");
      if (!warm) {
        deleteTree(data);
      }
      deleteTree(out);
      if (warm) {
        ReplayCommand first = new ReplayCommand();
        if (replay(first, source, data, dir.resolve("out-warm-up")) != 0) {
          System.err.println("newsflow bench pipeline: the warm-up replay failed");
          return 1;
        }
        deleteTree(dir.resolve("out-warm-up"));
      }
      ReplayCommand timed = new ReplayCommand();
      Measure m = Measure.start();
      int rc = replay(timed, source, data, out);
      Measure.Result r = m.stop();
      if (rc != 0) {
        System.err.println("newsflow bench pipeline: the replay failed with exit code " + rc);
        return 1;
      }
      Double extractor = noExtractor ? null : extractorRate(source);
      print(System.out, source, timed.articles(), timed.startupNanos(), r, extractor);
      return 0;
    }

    private int replay(ReplayCommand command, Path corpus, Path data, Path out) {
      List<String> args =
          new java.util.ArrayList<>(
              List.of(corpus.toString(), "--out", out.toString(), "--data-dir", data.toString()));
      if (quiet) {
        args.add("-q");
      }
      if (maxAhead != null) {
        args.addAll(List.of("--max-ahead", maxAhead.toString()));
      }
      return Newsflow.commandLine(command).execute(args.toArray(String[]::new));
    }

    /** The corpus to replay, written under {@code dir} where needed. */
    private Path prepare(Path dir) throws IOException {
      Files.createDirectories(dir);
      if (corpus.archive != null) {
        if (!ReplayCommand.isArchive(corpus.archive)) {
          throw new UserError(ReplayCommand.NOT_AN_ARCHIVE + corpus.archive, null);
        }
        return corpus.archive;
      }
      if (corpus.generate != null) {
        // "events": the generator's second form (articles about events); a file of the first is not
        // reused. The rate is in the name, so a file of another rate is not reused either.
        Path file =
            dir.resolve("generated-events-" + corpus.generate + "-" + perDay + "-a-day.jsonl");
        return Files.exists(file) ? file : GeneratedCorpus.write(file, corpus.generate, perDay, 17);
      }
      if (!Files.isDirectory(corpus.pages)) {
        throw new UserError("--pages wants a folder of pages: " + corpus.pages, null);
      }
      return copies(corpus.pages, copies, dir.resolve("corpus"));
    }
  }

  static void print(
      PrintStream out,
      Path corpus,
      long pages,
      long startupNanos,
      Measure.Result r,
      Double extractorRate) {
    double pipelineRate = pages / r.wallSeconds();
    out.println();
    out.println("newsflow bench pipeline");
    out.printf(Locale.ROOT, "  corpus             %s (%d pages)%n", corpus, pages);
    out.printf(
        Locale.ROOT,
        "  replay             %.1f s, %.1f pages/s (start-up %.1f s: broker, topics, group join)%n",
        r.wallSeconds(),
        pipelineRate,
        startupNanos / 1e9);
    out.printf(
        Locale.ROOT,
        "  cpu                %.1f s of %.1f available (%.0f%% of %d cores), %.1f ms a page%n",
        r.cpuSeconds(),
        r.wallSeconds() * r.cores(),
        100 * r.cpuSeconds() / (r.wallSeconds() * r.cores()),
        r.cores(),
        1000 * r.cpuSeconds() / Math.max(1, pages));
    out.println("  cpu by stage       cpu s   ms/page   share   pages/s on one core");
    for (Map.Entry<Measure.Stage, Double> e : r.stageCpuSeconds().entrySet()) {
      double s = e.getValue();
      out.printf(
          Locale.ROOT,
          "    %-32s %7.1f %9.2f %6.0f%%   %s%n",
          e.getKey().label,
          s,
          1000 * s / Math.max(1, pages),
          r.cpuSeconds() > 0 ? 100 * s / r.cpuSeconds() : 0,
          s > 0 ? String.format(Locale.ROOT, "%.1f", pages / s) : "-");
    }
    out.printf(Locale.ROOT, "  peak heap in use   %d MB%n", r.peakHeapBytes() >> 20);
    if (r.heapAfterGc(0.5) < 0) {
      out.println("  heap after GC      no collection during the replay");
    } else {
      out.printf(
          Locale.ROOT,
          "  heap after GC      median %d MB, 90th percentile %d MB, largest %d MB (%d collections)%n",
          r.heapAfterGc(0.5) >> 20,
          r.heapAfterGc(0.9) >> 20,
          r.heapAfterGc(1) >> 20,
          r.heapAfterGcBytes().size());
    }
    out.printf(
        Locale.ROOT,
        "  peak RSS           %s%n",
        r.peakRssBytes() < 0 ? "unknown (no /proc/self/status)" : (r.peakRssBytes() >> 20) + " MB");
    if (extractorRate != null) {
      out.printf(
          Locale.ROOT,
          "  extractor alone    %.1f pages/s (one thread, same pages)%n",
          extractorRate);
      out.printf(Locale.ROOT, "  pipeline/extractor %.2fx%n", pipelineRate / extractorRate);
    }
  }

  /**
   * Pages per second of the extractor alone on one thread, over the pages of {@code corpus} as
   * {@code replay} reads them: a first pass warms it up (JIT), the second is timed (extraction
   * only, not reading the archive).
   */
  static double extractorRate(Path corpus) throws IOException {
    ArticleExtractor extractor = new ArticleExtractor(ExtractorSettings.defaults());
    ReplaySettings settings = new ReplaySettings(ExtractorSettings.defaults().maxBytes(), null);
    long[] timed = new long[2];
    for (int pass = 0; pass < 2; pass++) {
      boolean count = pass == 1;
      ArchiveReplay.replay(
          corpus,
          settings,
          new RawSink() {
            @Override
            public void article(RawArticle raw) {
              byte[] body = new byte[raw.getBody().remaining()];
              raw.getBody().duplicate().get(body);
              long t0 = System.nanoTime();
              try {
                extractor.extract(body, raw.getCharset(), raw.getContentType(), raw.getSource());
              } catch (ExtractionException e) {
                // a refused page costs what it cost: the replay refuses it too
              }
              if (count) {
                timed[0] += System.nanoTime() - t0;
                timed[1]++;
              }
            }

            @Override
            public void deadLetter(DeadLetter letter) {}
          },
          (done, total) -> {});
    }
    return timed[1] / (timed[0] / 1e9);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
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
}
