package io.newsflow.ingest.monitor;

import io.newsflow.ingest.fetch.Validators;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What monitoring has already fetched, kept on disk so it survives restarts: per article id the
 * last version produced and the change date its source gave; per feed/sitemap/page URL its
 * conditional-GET validators. An append-only log ({@code seen.tsv}), compacted when opened.
 *
 * <p>Changes are held as pending until {@link #persist} writes them; the monitor persists only
 * after the Kafka producer acknowledged everything produced before, so a crash can repeat work but
 * never forget an article. Thread-safe.
 */
public final class SeenStore implements AutoCloseable {
  static final String FILE = "seen.tsv";

  /**
   * What is known of an article.
   *
   * @param version last version produced (0: none yet)
   * @param changedAt the source's change date when last fetched (epoch ms, 0 when none)
   * @param dead whether its last fetch failed for good (it is retried only when its source says it
   *     changed)
   */
  public record Seen(int version, long changedAt, boolean dead) {}

  private final Path file;
  private final Map<String, Seen> articles = new ConcurrentHashMap<>();
  private final Map<String, Validators> sources = new ConcurrentHashMap<>();
  private final List<String> pending = new ArrayList<>();
  private final BufferedWriter out;
  private final FileChannel channel;

  private SeenStore(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      load();
      compact();
    }
    this.channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    this.out =
        new BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8));
  }

  /** Opens (or creates) the store in {@code dir}. */
  public static SeenStore open(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new SeenStore(dir.resolve(FILE));
  }

  public Seen article(String id) {
    return articles.get(id);
  }

  public Validators validators(String url) {
    return sources.getOrDefault(url, Validators.NONE);
  }

  public int articleCount() {
    return articles.size();
  }

  /**
   * Records that {@code version} of {@code id} was produced (or, with {@code dead}, that it failed
   * for good).
   */
  public void article(String id, int version, long changedAt, boolean dead) {
    articles.put(id, new Seen(version, changedAt, dead));
    add("A\t" + id + "\t" + version + "\t" + changedAt + "\t" + (dead ? "1" : "0"));
  }

  /** Records a source's validators; call only once every article it listed has been recorded. */
  public void source(String url, Validators v) {
    if (v.isEmpty()) {
      return;
    }
    sources.put(url, v);
    add("S\t" + clean(url) + "\t" + clean(v.etag()) + "\t" + clean(v.lastModified()));
  }

  private void add(String line) {
    synchronized (pending) {
      pending.add(line);
    }
  }

  /**
   * Takes the changes recorded so far; hand them to {@link #persist} once their records are safe.
   */
  public List<String> drain() {
    synchronized (pending) {
      List<String> out = new ArrayList<>(pending);
      pending.clear();
      return out;
    }
  }

  /** Appends drained changes to the log and forces them to disk. */
  public synchronized void persist(List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    try {
      for (String l : lines) {
        out.write(l);
        out.write('\n');
      }
      out.flush();
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void load() throws IOException {
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      try {
        if (f[0].equals("A") && f.length == 5) {
          articles.put(
              f[1], new Seen(Integer.parseInt(f[2]), Long.parseLong(f[3]), f[4].equals("1")));
        } else if (f[0].equals("S") && f.length == 4) {
          sources.put(f[1], new Validators(empty(f[2]), empty(f[3])));
        }
      } catch (NumberFormatException e) {
        // a line torn by a crash mid-write: the entries before it stand
      }
    }
  }

  private void compact() throws IOException {
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, Seen> e : articles.entrySet()) {
        Seen s = e.getValue();
        w.write(
            "A\t"
                + e.getKey()
                + "\t"
                + s.version()
                + "\t"
                + s.changedAt()
                + "\t"
                + (s.dead() ? "1" : "0")
                + "\n");
      }
      for (Map.Entry<String, Validators> e : sources.entrySet()) {
        w.write(
            "S\t"
                + e.getKey()
                + "\t"
                + clean(e.getValue().etag())
                + "\t"
                + clean(e.getValue().lastModified())
                + "\n");
      }
    }
    try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      c.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static String empty(String s) {
    return s.isEmpty() ? null : s;
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
