package io.newsflow.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Dead letters for records a consumer read from Kafka but could not process. */
public final class DeadLetters {
  private DeadLetters() {}

  /**
   * A dead letter naming {@code stage}, the reason, the record's coordinates, and keeping its
   * original key and value bytes.
   *
   * @param cause the exception behind it, or null for a content decision
   */
  public static DeadLetter forRecord(
      String stage, String reason, ConsumerRecord<String, byte[]> r, Throwable cause) {
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setReason(reason)
        .setErrorClass(cause == null ? null : cause.getClass().getName())
        .setArticleId(r.key())
        .setTopic(r.topic())
        .setPartition(r.partition())
        .setOffset(r.offset())
        .setKey(r.key() == null ? null : ByteBuffer.wrap(r.key().getBytes(StandardCharsets.UTF_8)))
        .setValue(r.value() == null ? null : ByteBuffer.wrap(r.value()))
        .setFailedAt(Instant.now())
        .build();
  }
}
