package io.newsflow.enrich.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Where a record was read from {@code news.raw}, kept in three headers across the outlet
 * repartition, so a dead letter made after it still names the {@code news.raw} topic, partition and
 * offset rather than Streams' internal topic. The processor writes the headers; {@link #of} reads
 * them back.
 */
final class SourcePosition implements FixedKeyProcessor<String, byte[], byte[]> {
  static final String TOPIC = "newsflow.source.topic";
  static final String PARTITION = "newsflow.source.partition";
  static final String OFFSET = "newsflow.source.offset";

  /** A record's position in its source topic. */
  record Position(String topic, int partition, long offset) {}

  private FixedKeyProcessorContext<String, byte[]> context;

  @Override
  public void init(FixedKeyProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    headers.remove(TOPIC).remove(PARTITION).remove(OFFSET); // a re-sent record's old position
    context
        .recordMetadata()
        .ifPresent(
            m ->
                headers
                    .add(TOPIC, utf8(m.topic()))
                    .add(PARTITION, utf8(Integer.toString(m.partition())))
                    .add(OFFSET, utf8(Long.toString(m.offset()))));
    context.forward(record.withHeaders(headers));
  }

  /** The position the headers hold, if all three are there and readable. */
  static Optional<Position> of(Headers headers) {
    Header topic = headers.lastHeader(TOPIC);
    Header partition = headers.lastHeader(PARTITION);
    Header offset = headers.lastHeader(OFFSET);
    if (topic == null || partition == null || offset == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Position(
              text(topic), Integer.parseInt(text(partition)), Long.parseLong(text(offset))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Header h) {
    return h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
  }
}
