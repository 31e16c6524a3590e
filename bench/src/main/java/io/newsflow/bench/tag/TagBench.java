package io.newsflow.bench.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.eval.ExtractionEval;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.ExtractorSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tagging speed alone: articles/s for {@link Tagger#tag} on one thread, warm. The items of a JSON
 * Lines file ({@code {title, text}}, e.g. bench/tagging/dev.jsonl) are read once; each round tags
 * them over and over for {@code --seconds}; the first {@code --warmup} rounds are not counted; the
 * median of the rest is printed, by wall clock and by the thread's CPU time (the latter is what one
 * core sustains when the machine is shared). Language is left to detection, as in the pipeline.
 *
 * <p>With {@code --from-html DIR} the items are instead the extractions of the pages in DIR ({@code
 * *.html} or {@code *.html.gz}): each page goes through {@link ArticleExtractor} once, up front,
 * and the extracted title and body (what the pipeline tags) are timed. {@code --write-items FILE}
 * also writes the items as JSON Lines ({@code {id, title, text}}), e.g. to compare the tags before
 * and after a change with {@code JsonlTagging}.
 *
 * <pre>
 * java -cp ... io.newsflow.bench.tag.TagBench ITEMS.jsonl|--from-html DIR [--write-items FILE]
 *     [--taxonomy FILE] [--rounds N] [--warmup N] [--seconds S]
 * </pre>
 */
public final class TagBench {
  private TagBench() {}

  public static void main(String[] args) throws IOException {
    List<String> pos = new ArrayList<>();
    Path taxonomy = null;
    int rounds = 10;
    int warmup = 10;
    double seconds = 1.0;
    Path html = null;
    Path writeItems = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--taxonomy" -> taxonomy = Path.of(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--from-html" -> html = Path.of(args[++i]);
        case "--write-items" -> writeItems = Path.of(args[++i]);
        default -> pos.add(args[i]);
      }
    }
    if (pos.size() != (html == null ? 1 : 0)) {
      System.err.println(
          "usage: TagBench ITEMS.jsonl|--from-html DIR [--write-items FILE] [--taxonomy FILE]"
              + " [--rounds N] [--warmup N] [--seconds S]");
      System.exit(2);
    }
    Path from = html == null ? Path.of(pos.get(0)) : html;
    if (html == null ? !Files.isRegularFile(from) : !Files.isDirectory(from)) {
      System.err.println(
          "TagBench: no "
              + (html == null ? "file " : "folder ")
              + from.toAbsolutePath()
              + (html == null
                  ? " (give a JSON Lines file of {id, title, text})"
                  : " (give a folder of HTML pages)"));
      System.exit(2);
    }
    List<String[]> items = html == null ? read(from) : extract(html);
    if (items.isEmpty()) {
      System.err.println("TagBench: no items in " + from.toAbsolutePath());
      System.exit(2);
    }
    if (writeItems != null) {
      write(items, writeItems);
    }
    long t0 = System.nanoTime();
    Tagger tagger = taxonomy == null ? Tagger.loadDefault() : Tagger.load(taxonomy);
    double loadMs = (System.nanoTime() - t0) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "taxonomy %s loaded in %.0f ms; %d items, avg %d chars%n",
        tagger.version(),
        loadMs,
        items.size(),
        items.stream().mapToInt(it -> it[0].length() + it[1].length()).sum() / items.size());

    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] wall = new double[rounds];
    double[] cpu = new double[rounds];
    long sink = 0;
    for (int r = -warmup; r < rounds; r++) {
      long w0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      long deadline = w0 + (long) (seconds * 1e9);
      long n = 0;
      while (System.nanoTime() < deadline) {
        for (String[] it : items) {
          sink += tagger.tag(it[0], it[1], null).size();
          n++;
        }
      }
      if (r >= 0) {
        wall[r] = n / ((System.nanoTime() - w0) / 1e9);
        cpu[r] = n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
        System.out.printf(
            Locale.ROOT,
            "round %2d: %,8.0f articles/s (wall)  %,8.0f articles/s (thread CPU)%n",
            r + 1,
            wall[r],
            cpu[r]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "median: %,.0f articles/s (wall), %,.0f articles/s (thread CPU), one thread [%d]%n",
        median(wall),
        median(cpu),
        sink % 10);
  }

  /** Items {title, text, id} of the pages in {@code dir}, extracted once, in file-name order. */
  private static List<String[]> extract(Path dir) throws IOException {
    ArticleExtractor extractor = new ArticleExtractor(ExtractorSettings.defaults());
    List<String[]> items = new ArrayList<>();
    for (Map.Entry<String, Path> e : new TreeMap<>(ExtractionEval.listPages(dir)).entrySet()) {
      String page = new String(ExtractionEval.readPage(e.getValue()), StandardCharsets.UTF_8);
      Extraction x = extractor.extractHtml(page, null);
      items.add(new String[] {x.title() == null ? "" : x.title(), x.text(), e.getKey()});
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("no *.html or *.html.gz pages in " + dir);
    }
    return items;
  }

  private static void write(List<String[]> items, Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    int n = 0;
    for (String[] it : items) {
      ObjectNode o = json.createObjectNode();
      o.put("id", it.length > 2 ? it[2] : String.valueOf(++n));
      o.put("title", it[0]).put("text", it[1]);
      lines.add(json.writeValueAsString(o));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static List<String[]> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String[]> items = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode n = json.readTree(line);
        items.add(new String[] {n.path("title").asText(""), n.path("text").asText("")});
      }
    }
    return items;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
