package io.newsflow.sink.file;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.sink.ArticleJson;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/** Writes one segment file; {@link #finish} makes it durable. Not thread-safe. */
abstract class SegmentWriter implements AutoCloseable {
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

  /** Records that an article was taken down; false when the format cannot say so. */
  abstract boolean appendRemoval(String id) throws IOException;

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
    boolean appendRemoval(String id) throws IOException {
      out()
          .write(
              ArticleJson.MAPPER.writeValueAsBytes(
                  ArticleJson.MAPPER.createObjectNode().put("id", id).put("deleted", true)));
      out().write('\n');
      return true;
    }

    @Override
    void flushEncoder() {}
  }

  /** Avro object container: the writer schema in the header, deflate-compressed blocks. */
  private static final class Avro extends SegmentWriter {
    private final DataFileWriter<EnrichedArticle> writer;

    Avro(Path path) throws IOException {
      super(path);
      writer = new DataFileWriter<>(new SpecificDatumWriter<>(EnrichedArticle.class));
      writer.setCodec(CodecFactory.deflateCodec(1));
      writer.create(EnrichedArticle.getClassSchema(), out());
    }

    @Override
    void append(EnrichedArticle article) throws IOException {
      writer.append(article);
    }

    @Override
    boolean appendRemoval(String id) {
      return false; // an EnrichedArticle container has no way to say "gone"; the manifest still
      // counts the offset
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
