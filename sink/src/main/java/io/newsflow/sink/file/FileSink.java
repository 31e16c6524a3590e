package io.newsflow.sink.file;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.sink.ArticleWriter.Outcome;
import io.newsflow.sink.RecordSink;
import io.newsflow.sink.SinkBatch;
import io.newsflow.sink.jsonl.JsonlWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Files for downstream readers, exactly once per Kafka offset.
 *
 * <p>Records go to an in-progress segment ({@code segments/.part-N.<ext>.inprogress}, invisible to
 * a reader looking for {@code part-*}). A segment is committed when it reaches {@code rollBytes},
 * when {@code rollInterval} has passed since its first record, or when the sink stops: the file is
 * fsynced, then a line naming it and the offsets it covers is appended to {@code manifest.jsonl}
 * and fsynced (the commit point), then it is renamed to {@code part-N.<ext>}. On start, a committed
 * segment whose rename did not happen is renamed, any other in-progress file is deleted, and
 * reading resumes at the offsets after the last committed segment: a crash loses nothing
 * (uncommitted records are read again) and duplicates nothing (committed ones are not).
 *
 * <p>With {@code latestView}, {@code articles.jsonl} is also kept up to date, one line per article
 * id (newest version wins), written before the segment so that records read again are only
 * duplicates there. An article taken down (a tombstone) leaves the view, and the segment records
 * it: a line {@code {"id":…,"deleted":true}} in JSON Lines, an {@code ArticleRemoved} record in
 * Avro (whose segments have the schema union {@code [EnrichedArticle, ArticleRemoved]}). One sink
 * per folder: a lock file keeps a second one out.
 */
public final class FileSink implements RecordSink {
  public static final String SEGMENTS = "segments";
  static final String IN_PROGRESS = ".inprogress";

  private final FileSinkSettings settings;
  private final Path segments;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Manifest manifest;
  private final JsonlWriter view;
  private final Map<TopicPartition, Long> durable;
  private Open open;

  /** The segment being written. */
  private static final class Open {
    final long seq;
    final Path tmp;
    final String name;
    final SegmentWriter writer;
    final Instant startedAt;
    final Map<TopicPartition, long[]> ranges = new LinkedHashMap<>();
    long records;

    Open(long seq, Path tmp, String name, SegmentWriter writer, Instant startedAt) {
      this.seq = seq;
      this.tmp = tmp;
      this.name = name;
      this.writer = writer;
      this.startedAt = startedAt;
    }
  }

  public FileSink(FileSinkSettings settings) throws IOException {
    this.settings = settings;
    this.segments = settings.dir().resolve(SEGMENTS);
    Files.createDirectories(segments);
    this.lockChannel =
        FileChannel.open(
            segments.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    this.lock = tryLock(lockChannel);
    if (lock == null) {
      lockChannel.close();
      throw new IOException("another sink is writing to " + settings.dir());
    }
    this.manifest = Manifest.open(segments.resolve(Manifest.FILE));
    recover();
    this.durable = new HashMap<>(manifest.positions());
    this.view = settings.latestView() ? new JsonlWriter(settings.dir()) : null;
  }

  public Path segmentsDir() {
    return segments;
  }

  @Override
  public Optional<Map<TopicPartition, Long>> storedPositions() {
    return Optional.of(Map.copyOf(durable));
  }

  /**
   * The time of the last manifest line, for every partition: a segment holds every batch written
   * since the previous one, so a record not yet committed, of any partition, was handed over after
   * that line was written (one sink per folder).
   */
  @Override
  public Optional<Instant> committedAt(TopicPartition partition) {
    return manifest.lastCommittedAt();
  }

  @Override
  public Map<TopicPartition, Long> durablePositions() {
    return Collections.unmodifiableMap(durable);
  }

  @Override
  public List<Outcome> write(SinkBatch batch) throws IOException {
    List<Outcome> outcomes =
        view != null
            ? view.write(batch.articles())
            : new ArrayList<>(Collections.nCopies(batch.articles().size(), Outcome.WRITTEN));
    if (view != null && !batch.removed().isEmpty()) {
      view.remove(batch.removed());
    }
    if (batch.articles().isEmpty() && batch.removed().isEmpty() && batch.nextOffsets().isEmpty()) {
      return outcomes;
    }
    Open seg = openSegment();
    for (EnrichedArticle a : batch.articles()) {
      seg.writer.append(a);
    }
    seg.records += batch.articles().size();
    Instant now = Instant.now();
    for (String id : batch.removed()) {
      seg.writer.appendRemoval(id, batch.removedAt().getOrDefault(id, now));
    }
    seg.records += batch.removed().size();
    batch
        .firstOffsets()
        .forEach(
            (tp, from) -> {
              long to = batch.nextOffsets().get(tp);
              seg.ranges.merge(
                  tp,
                  new long[] {from, to},
                  (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            });
    if (seg.writer.bytes() >= settings.rollBytes()) {
      roll();
    }
    return outcomes;
  }

  @Override
  public void tick(Instant now) throws IOException {
    if (open != null && !now.isBefore(open.startedAt.plus(settings.rollInterval()))) {
      roll();
    }
  }

  @Override
  public void flush() throws IOException {
    if (open != null) {
      roll();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      if (view != null) {
        view.close();
      }
      manifest.close();
      lock.release();
      lockChannel.close();
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException sameJvm) {
      return null;
    }
  }

  private Open openSegment() throws IOException {
    if (open == null) {
      long seq = manifest.lastSeq() + 1;
      String name = String.format("part-%08d.%s", seq, settings.format().extension());
      Path tmp = segments.resolve("." + name + IN_PROGRESS);
      open = new Open(seq, tmp, name, SegmentWriter.open(settings.format(), tmp), Instant.now());
    }
    return open;
  }

  /** Commits the open segment: fsync the file, append its manifest line (the commit), rename it. */
  private void roll() throws IOException {
    Open seg = open;
    open = null;
    seg.writer.finish();
    List<Manifest.Range> ranges = new ArrayList<>();
    seg.ranges.forEach(
        (tp, r) -> ranges.add(new Manifest.Range(tp.topic(), tp.partition(), r[0], r[1])));
    String file = seg.records > 0 ? seg.name : null;
    manifest.append(
        new Manifest.Entry(
            seg.seq, file, seg.records, List.copyOf(ranges), Instant.now().toString()));
    if (file != null) {
      Files.move(seg.tmp, segments.resolve(file), StandardCopyOption.ATOMIC_MOVE);
    } else {
      Files.delete(seg.tmp);
    }
    DurableFiles.syncDirectory(segments);
    ranges.forEach(
        r -> durable.merge(new TopicPartition(r.topic(), r.partition()), r.to(), Math::max));
  }

  /** Finishes renames the last run committed but did not complete; deletes uncommitted segments. */
  private void recover() throws IOException {
    for (Manifest.Entry e : manifest.entries()) {
      if (e.file() == null) {
        continue;
      }
      Path done = segments.resolve(e.file());
      Path tmp = segments.resolve("." + e.file() + IN_PROGRESS);
      if (!Files.exists(done)) {
        if (!Files.exists(tmp)) {
          throw new IOException(
              "segment " + e.file() + " is in the manifest but missing from " + segments);
        }
        Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(segments, "*" + IN_PROGRESS)) {
      for (Path p : leftovers) {
        Files.delete(p);
      }
    }
    DurableFiles.syncDirectory(segments);
  }
}
