package io.newsflow.sink.file;

import io.newsflow.schemas.ArticleRemoved;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.sink.ArticleJson;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/** Writes one segment file; {@link #finish} makes it durable. Not thread-safe. */
abstract class SegmentWriter implements AutoCloseable {
  /** The schema of Avro segments: an article, or the removal of one. */
  static final Schema SCHEMA =
      Schema.createUnion(
          List.of(EnrichedArticle.getClassSchema(), ArticleRemoved.getClassSchema()));

  private final FileOutputStream file;
  private final Counting counted;
  private boolean closed;

  SegmentWriter(Path path) throws IOException {
    this.file = new FileOutputStream(path.toFile());
    this.counted = new Counting(new BufferedOutputStream(file, 1 << 20));
  }

  static SegmentWriter open(FileFormat format, Path path) throws IOException {
    return format == FileFormat.AVRO ? new Avro(path) : new Jsonl(path);
  }

  abstract void append(EnrichedArticle article) throws IOException;

  /** Records that an article was taken down, at {@code removedAt} (the tombstone's timestamp). */
  abstract void appendRemoval(String id, Instant removedAt) throws IOException;

  /** Bytes handed to the file so far (a little less than its size while the encoder buffers). */
  long bytes() {
    return counted.count;
  }

  OutputStream out() {
    return counted;
  }

  /** Flushes everything, fsyncs the file and closes it. */
  void finish() throws IOException {
    flushEncoder();
    counted.flush();
    file.getChannel().force(true);
    close();
  }

  abstract void flushEncoder() throws IOException;

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      counted.close();
    }
  }

  /** JSON Lines: one {@code ArticleJson} object per line. */
  private static final class Jsonl extends SegmentWriter {
    Jsonl(Path path) throws IOException {
      super(path);
    }

    @Override
    void append(EnrichedArticle article) throws IOException {
      out().write(ArticleJson.MAPPER.writeValueAsBytes(ArticleJson.toJson(article)));
      out().write('\n');
    }

    @Override
    void appendRemoval(String id, Instant removedAt) throws IOException {
      out()
          .write(
              ArticleJson.MAPPER.writeValueAsBytes(
                  ArticleJson.MAPPER.createObjectNode().put("id", id).put("deleted", true)));
      out().write('\n');
    }

    @Override
    void flushEncoder() {}
  }

  /**
   * Avro object container: the writer schema in the header, deflate-compressed blocks. Each datum
   * is an {@code EnrichedArticle} or an {@code ArticleRemoved}, so the file schema is their union
   * ({@link #SCHEMA}); segments written before removals were recorded have the plain {@code
   * EnrichedArticle} schema.
   */
  private static final class Avro extends SegmentWriter {
    private final DataFileWriter<Object> writer;

    Avro(Path path) throws IOException {
      super(path);
      writer = new DataFileWriter<>(new SpecificDatumWriter<>(SCHEMA));
      writer.setCodec(CodecFactory.deflateCodec(1));
      writer.create(SCHEMA, out());
    }

    @Override
    void append(EnrichedArticle article) throws IOException {
      writer.append(article);
    }

    @Override
    void appendRemoval(String id, Instant removedAt) throws IOException {
      writer.append(ArticleRemoved.newBuilder().setId(id).setRemovedAt(removedAt).build());
    }

    @Override
    void flushEncoder() throws IOException {
      writer.flush();
    }

    @Override
    public void close() throws IOException {
      writer.close();
      super.close();
    }
  }

  /** Counts the bytes written through it. */
  private static final class Counting extends FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
