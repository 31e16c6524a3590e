package io.newsflow.ingest.replay;

import io.newsflow.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Dead letters of the archive replays. */
final class ReplayLetters {
  private ReplayLetters() {}

  static DeadLetter of(String id, String source, String reason, Exception e, byte[] value) {
    return DeadLetter.newBuilder()
        .setStage("ingest")
        .setReason(reason)
        .setErrorClass(e == null ? null : e.getClass().getName())
        .setArticleId(id)
        .setSource(source)
        .setValue(
            value == null ? null : ByteBuffer.wrap(value, 0, Math.min(value.length, 1024 * 1024)))
        .setFailedAt(Instant.now())
        .build();
  }
}
