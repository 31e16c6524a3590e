package io.newsflow.enrich.topology;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts one pure function into a topology step. Dead letters pass through untouched; a value the
 * function rejects, or on which it throws, becomes a dead letter that names this step, the reason
 * and the record's source topic, partition and offset, and keeps the original bytes. The stream
 * goes on.
 *
 * <p>Only content problems are turned into dead letters. A {@link KafkaException} (a state store
 * that cannot be written, a task that migrated, a fenced producer: Kafka Streams' own failures) is
 * not about the record, so it is rethrown for Streams' normal recovery (the task is closed and
 * restored, the record processed again), never recorded as the article's fault.
 */
final class GuardedStep<I, O> implements FixedKeyProcessor<String, Carried<I>, Carried<O>> {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedStep.class);

  /** The pure work of a step; may use the context for state stores. */
  @FunctionalInterface
  interface Work<I, O> {
    O apply(String key, I value, FixedKeyProcessorContext<String, ?> context) throws Rejected;
  }

  private final String stage;
  private final Work<I, O> work;
  private FixedKeyProcessorContext<String, Carried<O>> context;

  GuardedStep(String stage, Work<I, O> work) {
    this.stage = stage;
    this.work = work;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Carried<O>> context) {
    this.context = context;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void process(FixedKeyRecord<String, Carried<I>> record) {
    Carried<I> in = record.value();
    if (in.isDead()) {
      context.forward(record.withValue((Carried<O>) (Carried<?>) in));
      return;
    }
    Carried<O> out;
    try {
      out = Carried.ok(work.apply(record.key(), in.value(), context), in.original());
    } catch (Rejected e) {
      out = Carried.failed(deadLetter(record, e.getMessage(), e.getCause()));
    } catch (KafkaException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("step {} failed on record {}; dead-lettered", stage, record.key(), e);
      out = Carried.failed(deadLetter(record, String.valueOf(e.getMessage()), e));
    }
    context.forward(record.withValue(out));
  }

  DeadLetter deadLetter(FixedKeyRecord<String, Carried<I>> record, String reason, Throwable cause) {
    String key = record.key();
    Carried<I> in = record.value();
    byte[] original = in.original();
    DeadLetter.Builder b =
        DeadLetter.newBuilder()
            .setSource(sourceOf(in.value()))
            .setStage(stage)
            .setReason(reason)
            .setErrorClass(cause == null ? null : cause.getClass().getName())
            .setArticleId(key)
            .setKey(key == null ? null : ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
            .setValue(original == null ? null : ByteBuffer.wrap(original))
            .setFailedAt(Instant.now());
    // after the outlet repartition the record's own position is in Streams' internal topic; the
    // headers keep where it was read from news.raw
    Optional<SourcePosition.Position> from = SourcePosition.of(record.headers());
    if (from.isPresent()) {
      SourcePosition.Position p = from.get();
      b.setTopic(p.topic()).setPartition(p.partition()).setOffset(p.offset());
    } else {
      context
          .recordMetadata()
          .ifPresent(
              (RecordMetadata m) ->
                  b.setTopic(m.topic()).setPartition(m.partition()).setOffset(m.offset()));
    }
    return b.build();
  }

  /** The article's URL or path, once the record has been decoded. */
  private static String sourceOf(Object value) {
    if (value instanceof RawArticle raw) {
      return raw.getSource();
    }
    if (value instanceof Extracted x) {
      return x.raw().getSource();
    }
    return null;
  }
}
