package io.newsflow.ingest.monitor;

import io.newsflow.ingest.fetch.Validators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What monitoring has already fetched, kept on disk so it survives restarts: per article id the
 * last version produced and the change date its source gave; per feed/sitemap/page URL its
 * conditional-GET validators. An append-only log ({@code seen.tsv}), compacted when opened and
 * whenever superseded or expired lines outnumber live ones.
 *
 * <p>Bounded by retention: every entry carries when a source last listed it. An entry no source has
 * listed for the retention period is dropped, so an article that comes back after that is fetched
 * again (downstream, the same content again is a duplicate). The last-listed time is refreshed at
 * most once per tenth of the retention, to keep the log from growing with every poll; an entry is
 * therefore kept at least the retention and at most 1.1 times it after its last listing. A source
 * with validators is read in full (no conditional GET) once per tenth of the retention too, so a
 * feed that answers 304 for weeks still refreshes the articles it lists.
 *
 * <p>Changes are held as pending until {@link #checkpoint} writes them; it writes them only after
 * the output acknowledged everything produced before, so a crash can repeat work but never forget
 * an article. Thread-safe.
 */
public final class SeenStore implements AutoCloseable {
  static final String FILE = "seen.tsv";

  /** How long an entry is kept after its last listing when nothing else is configured. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /** Below this many lines the log is never compacted while running: not worth a rewrite. */
  static final int MIN_LINES_TO_COMPACT = 1000;

  private static final long MAX_SWEEP_INTERVAL_MS = Duration.ofHours(1).toMillis();

  /**
   * What is known of an article.
   *
   * @param version last version produced (0: none yet)
   * @param changedAt the source's change date when last fetched (epoch ms, 0 when none)
   * @param dead whether its last fetch failed for good (it is retried only when its source says it
   *     changed)
   * @param listedAt when a source last listed it, to within a tenth of the retention (epoch ms)
   * @param failures polls in a row whose fetch of it failed for a passing reason (timeouts, 5xx,
   *     429, robots.txt unavailable); 0 when it is not waiting for a retry
   * @param retryAt when it may be tried again after such failures (epoch ms; 0 when not waiting)
   */
  public record Seen(
      int version, long changedAt, boolean dead, long listedAt, int failures, long retryAt) {
    public Seen(int version, long changedAt, boolean dead, long listedAt) {
      this(version, changedAt, dead, listedAt, 0, 0);
    }

    /**
     * Whether the copy held is at least as new as a listing that says the article changed at {@code
     * sourceChangedAt} (epoch ms, 0 when the source gives no date). When our copy's own change date
     * is unknown (found through an undated page link), a listing dated no later than when we had
     * the article is the same copy: a feed that dates an article we fetched after that date has
     * nothing newer.
     */
    public boolean covers(long sourceChangedAt) {
      return sourceChangedAt <= changedAt || (changedAt == 0 && sourceChangedAt <= listedAt);
    }

    /** Whether it failed for a passing reason and waits to be tried again. */
    public boolean retrying() {
      return failures > 0 && !dead;
    }

    Seen listedNow(long now) {
      return new Seen(version, changedAt, dead, now, failures, retryAt);
    }
  }

  private record Source(Validators validators, long listedAt) {}

  private final Clock clock;
  private final long retentionMs;
  private final long refreshMs;
  private final Map<String, Seen> articles = new ConcurrentHashMap<>();
  private final Map<String, Source> sources = new ConcurrentHashMap<>();
  // every change to the maps is made while holding this list, together with its line, so that a
  // compaction holding it sees exactly the state the log plus the pending lines describe
  private final List<String> pending = new ArrayList<>();
  private final SeenLog log;
  private long nextSweepAt;

  private SeenStore(Path file, Duration retention, Clock clock) throws IOException {
    this.clock = clock;
    this.retentionMs = retention.toMillis();
    this.refreshMs = Math.max(1, retentionMs / 10);
    long now = clock.millis();
    if (Files.exists(file)) {
      load(file, now);
      expire(now);
      SeenLog.write(file, snapshot());
    }
    this.log = new SeenLog(file, articles.size() + sources.size());
    this.nextSweepAt = now + Math.min(refreshMs, MAX_SWEEP_INTERVAL_MS);
  }

  /** Opens (or creates) the store in {@code dir}, with the default retention. */
  public static SeenStore open(Path dir) throws IOException {
    return open(dir, DEFAULT_RETENTION, Clock.systemUTC());
  }

  /**
   * Opens (or creates) the store in {@code dir}.
   *
   * @param retention how long an entry is kept after a source last listed it; positive
   * @param clock the time entries are stamped and expired with
   */
  public static SeenStore open(Path dir, Duration retention, Clock clock) throws IOException {
    Objects.requireNonNull(clock, "clock");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    Files.createDirectories(dir);
    return new SeenStore(dir.resolve(FILE), retention, clock);
  }

  public Seen article(String id) {
    return articles.get(id);
  }

  /**
   * The validators to send for {@code url}: {@link Validators#NONE} when none are known, or when
   * the source is due a full read (see the class comment).
   */
  public Validators validators(String url) {
    Source s = sources.get(url);
    return s == null || clock.millis() - s.listedAt() >= refreshMs
        ? Validators.NONE
        : s.validators();
  }

  /** The store's time (epoch ms): what {@link Seen#retryAt()} is compared with. */
  public long now() {
    return clock.millis();
  }

  public int articleCount() {
    return articles.size();
  }

  /**
   * Records that {@code version} of {@code id} was produced (or, with {@code dead}, that it failed
   * for good); it counts as listed now.
   */
  public void article(String id, int version, long changedAt, boolean dead) {
    Seen s = new Seen(version, changedAt, dead, clock.millis());
    synchronized (pending) {
      articles.put(id, s);
      pending.add(line(id, s));
    }
  }

  /**
   * Records that fetching {@code id} failed for a passing reason in {@code failures} polls in a row
   * and may be tried again from {@code retryAt} (epoch ms); what was produced of it stays as it
   * was. It counts as listed now.
   */
  public void retry(String id, int version, long changedAt, int failures, long retryAt) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be >= 1: " + failures);
    }
    Seen s = new Seen(version, changedAt, false, clock.millis(), failures, retryAt);
    synchronized (pending) {
      articles.put(id, s);
      pending.add(line(id, s));
    }
  }

  /**
   * A source listed {@code id} again, dating it {@code changedAt} (epoch ms, 0 when undated), and
   * the copy held covers that: a copy found through an undated link takes the source's date as its
   * own; otherwise the last-listed time is refreshed when that is due.
   */
  public void listed(String id, long changedAt) {
    synchronized (pending) {
      Seen s = articles.get(id);
      if (s != null && s.changedAt() == 0 && changedAt > 0) {
        Seen dated =
            new Seen(s.version(), changedAt, s.dead(), clock.millis(), s.failures(), s.retryAt());
        articles.put(id, dated);
        pending.add(line(id, dated));
        return;
      }
    }
    listed(id);
  }

  /** A source listed {@code id} again: refreshes its last-listed time when that is due. */
  public void listed(String id) {
    long now = clock.millis();
    synchronized (pending) {
      Seen s = articles.get(id);
      if (s != null && now - s.listedAt() >= refreshMs) {
        Seen fresh = s.listedNow(now);
        articles.put(id, fresh);
        pending.add(line(id, fresh));
      }
    }
  }

  /** Records a source's validators; call only once every article it listed has been recorded. */
  public void source(String url, Validators v) {
    if (v.isEmpty()) {
      return;
    }
    Source s = new Source(v, clock.millis());
    synchronized (pending) {
      sources.put(url, s);
      pending.add(line(url, s));
    }
  }

  /**
   * Makes what was recorded so far durable: takes the pending changes, runs {@code flushOutput},
   * then appends them to the log and forces it to disk. Then drops expired entries (at most once an
   * hour) and compacts the log when dead lines dominate.
   *
   * @param flushOutput blocks until every record produced so far is acknowledged, or throws (and
   *     then nothing is written)
   */
  public synchronized void checkpoint(Runnable flushOutput) {
    List<String> lines;
    synchronized (pending) {
      lines = new ArrayList<>(pending);
      pending.clear();
    }
    flushOutput.run();
    log.append(lines);
    long now = clock.millis();
    if (now >= nextSweepAt) {
      nextSweepAt = now + Math.min(refreshMs, MAX_SWEEP_INTERVAL_MS);
      synchronized (pending) {
        expire(now);
      }
    }
    if (log.lines() >= MIN_LINES_TO_COMPACT
        && log.lines() > 2L * (articles.size() + sources.size())) {
      compact(flushOutput);
    }
  }

  /** Lines in the log file, live or dead (for tests and status). */
  long logLines() {
    return log.lines();
  }

  // Holding the pending list stops changes; changes recorded since the checkpoint took its lines
  // are made safe and appended first, so the snapshot never holds a change whose record could
  // still be lost.
  private void compact(Runnable flushOutput) {
    synchronized (pending) {
      if (!pending.isEmpty()) {
        List<String> rest = new ArrayList<>(pending);
        pending.clear();
        flushOutput.run();
        log.append(rest);
      }
      log.rewrite(snapshot());
    }
  }

  // called at open or holding the pending list
  private void expire(long now) {
    long keep = retentionMs + refreshMs;
    articles.values().removeIf(s -> now - s.listedAt() > keep);
    sources.values().removeIf(s -> now - s.listedAt() > keep);
  }

  private List<String> snapshot() {
    List<String> out = new ArrayList<>(articles.size() + sources.size());
    articles.forEach((id, s) -> out.add(line(id, s)));
    sources.forEach((url, s) -> out.add(line(url, s)));
    return out;
  }

  // A<TAB>id<TAB>version<TAB>changedAt<TAB>dead<TAB>listedAt[<TAB>failures<TAB>retryAt]
  private static String line(String id, Seen s) {
    return "A\t"
        + id
        + "\t"
        + s.version()
        + "\t"
        + s.changedAt()
        + "\t"
        + (s.dead() ? "1" : "0")
        + "\t"
        + s.listedAt()
        + (s.failures() > 0 ? "\t" + s.failures() + "\t" + s.retryAt() : "");
  }

  // S<TAB>url<TAB>etag<TAB>lastModified<TAB>listedAt
  private static String line(String url, Source s) {
    return "S\t"
        + clean(url)
        + "\t"
        + clean(s.validators().etag())
        + "\t"
        + clean(s.validators().lastModified())
        + "\t"
        + s.listedAt();
  }

  // Files written before entries carried a last-listed time lack the last column: their entries
  // count as listed at the first start that reads them, so upgrading never expires anything early.
  private void load(Path file, long now) throws IOException {
    // decoded leniently: bytes torn mid-character must not stop monitoring from starting
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    // a last line without its newline was torn by a crash mid-write: it never counted
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      String[] f = line.split("\t", -1);
      try {
        if (f[0].equals("A") && (f.length == 5 || f.length == 6 || f.length == 8)) {
          long listedAt = f.length >= 6 ? Long.parseLong(f[5]) : now;
          int failures = f.length == 8 ? Integer.parseInt(f[6]) : 0;
          long retryAt = f.length == 8 ? Long.parseLong(f[7]) : 0;
          articles.put(
              f[1],
              new Seen(
                  Integer.parseInt(f[2]),
                  Long.parseLong(f[3]),
                  f[4].equals("1"),
                  listedAt,
                  failures,
                  retryAt));
        } else if (f[0].equals("S") && (f.length == 4 || f.length == 5)) {
          long listedAt = f.length == 5 ? Long.parseLong(f[4]) : now;
          sources.put(f[1], new Source(new Validators(empty(f[2]), empty(f[3])), listedAt));
        }
      } catch (NumberFormatException e) {
        // a damaged line: the entries before it stand
      }
    }
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static String empty(String s) {
    return s.isEmpty() ? null : s;
  }

  @Override
  public synchronized void close() throws IOException {
    log.close();
  }
}
