package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.fetch.Validators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenStoreTest {
  static final Duration RETENTION = Duration.ofDays(10);
  static final Runnable ACKNOWLEDGED = () -> {};
  static final String FEED = "https://a.example/feed";

  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-03-01T00:00:00Z"));

  SeenStore open() throws Exception {
    return SeenStore.open(dir, RETENTION, clock);
  }

  @Test
  void shouldKeepSeenArticlesAndValidatorsAcrossReopens() throws Exception {
    try (SeenStore store = open()) {
      store.article("id1", 1, 1000, false);
      store.source(FEED, new Validators("\"e1\"", null));
      store.checkpoint(ACKNOWLEDGED);
      store.article("id2", 1, 0, false); // recorded, never checkpointed: as after a crash
    }
    try (SeenStore store = open()) {
      assertThat(store.article("id1"))
          .isEqualTo(new SeenStore.Seen(1, 1000, false, clock.millis()));
      assertThat(store.article("id2")).isNull();
      assertThat(store.validators(FEED).etag()).isEqualTo("\"e1\"");
      store.article("id1", 2, 2000, false);
      store.checkpoint(ACKNOWLEDGED);
    }
    try (SeenStore store = open()) {
      assertThat(store.article("id1").version()).isEqualTo(2);
    }
  }

  @Test
  void shouldKeepAnArticleWaitingForARetryAcrossReopensUntilItIsFetched() throws Exception {
    long retryAt = clock.millis() + 60_000;
    try (SeenStore store = open()) {
      store.retry("new", 0, 0, 2, retryAt);
      store.article("known", 3, 1000, false);
      store.retry("known", 3, 1000, 1, retryAt);
      store.listed("known");
      store.checkpoint(ACKNOWLEDGED);
    }
    try (SeenStore store = open()) {
      assertThat(store.article("new"))
          .isEqualTo(new SeenStore.Seen(0, 0, false, clock.millis(), 2, retryAt));
      assertThat(store.article("new").retrying()).isTrue();
      assertThat(store.article("known").version()).isEqualTo(3);
      assertThat(store.article("known").failures()).isEqualTo(1);
      store.article("known", 4, 2000, false);
      store.checkpoint(ACKNOWLEDGED);
    }
    try (SeenStore store = open()) {
      assertThat(store.article("known").retrying()).isFalse();
      assertThat(store.article("new").retrying()).isTrue();
    }
  }

  @Test
  void shouldNotWriteChangesWhoseRecordsWereNotAcknowledged() throws Exception {
    try (SeenStore store = open()) {
      store.article("a", 1, 0, false);
      assertThatThrownBy(
              () ->
                  store.checkpoint(
                      () -> {
                        throw new IllegalStateException("broker away");
                      }))
          .hasMessage("broker away");
    }
    try (SeenStore store = open()) {
      assertThat(store.article("a")).isNull();
    }
  }

  @Test
  void shouldForgetAnArticleNoSourceListedForTheRetentionPeriod() throws Exception {
    try (SeenStore store = open()) {
      store.article("kept", 1, 0, false);
      store.article("dropped", 1, 0, false);
      store.checkpoint(ACKNOWLEDGED);
      clock.advance(Duration.ofDays(5));
      store.listed("kept");
      store.checkpoint(ACKNOWLEDGED);
      clock.advance(Duration.ofDays(7)); // "dropped" unlisted for 12 days, "kept" for 7

      store.checkpoint(ACKNOWLEDGED);

      assertThat(store.article("dropped")).isNull();
      assertThat(store.article("kept")).isNotNull();
    }
    try (SeenStore store = open()) {
      assertThat(store.article("dropped")).isNull();
      assertThat(store.article("kept").version()).isEqualTo(1);
    }
  }

  @Test
  void shouldNeverForgetAnArticleThatIsStillListedNorGrowTheFileWithEveryListing()
      throws Exception {
    try (SeenStore store = open()) {
      store.article("a", 3, 0, false);
      store.checkpoint(ACKNOWLEDGED);
      for (int poll = 0; poll < 4 * 100; poll++) { // every 6 hours for 100 days
        clock.advance(Duration.ofHours(6));
        store.listed("a");
        store.checkpoint(ACKNOWLEDGED);
        assertThat(store.article("a")).isNotNull();
      }
      // the first line, then one refresh per tenth of the retention (a day), not one per listing
      assertThat(Files.readAllLines(dir.resolve(SeenStore.FILE))).hasSize(1 + 100);
    }
    try (SeenStore store = open()) {
      assertThat(store.article("a").version()).isEqualTo(3);
    }
  }

  @Test
  void shouldKeepAnArticleAtLeastTheRetentionAfterItsLastListing() throws Exception {
    try (SeenStore store = open()) {
      store.article("a", 1, 0, false);
      store.checkpoint(ACKNOWLEDGED);
      clock.advance(Duration.ofHours(23)); // listed again, but the refresh is not due yet
      store.listed("a");
      store.checkpoint(ACKNOWLEDGED);
      clock.advance(RETENTION);
      store.checkpoint(ACKNOWLEDGED);
      assertThat(store.article("a")).as("retention after its last listing").isNotNull();
      clock.advance(Duration.ofDays(1).plusHours(2));
      store.checkpoint(ACKNOWLEDGED);
      assertThat(store.article("a")).as("a tenth of the retention later").isNull();
    }
  }

  @Test
  void shouldReadASourceInFullWhenItsListingIsDueARefresh() throws Exception {
    try (SeenStore store = open()) {
      store.source(FEED, new Validators("\"e1\"", "Mon, 02 Mar 2026 10:00:00 GMT"));
      clock.advance(Duration.ofHours(20));
      assertThat(store.validators(FEED).etag()).isEqualTo("\"e1\"");
      clock.advance(Duration.ofHours(4)); // a tenth of the retention after its last full read
      assertThat(store.validators(FEED)).isEqualTo(Validators.NONE);
    }
  }

  @Test
  void shouldReadAFileWrittenBeforeEntriesCarriedAListedTime() throws Exception {
    Files.writeString(
        dir.resolve(SeenStore.FILE),
        "A\tid1\t2\t1000\t0\nA\tid2\t1\t0\t1\nS\t" + FEED + "\t\"e1\"\t\n",
        StandardCharsets.UTF_8);
    try (SeenStore store = open()) {
      assertThat(store.article("id1"))
          .as("counts as listed at the first start that reads it")
          .isEqualTo(new SeenStore.Seen(2, 1000, false, clock.millis()));
      assertThat(store.article("id2").dead()).isTrue();
      assertThat(store.validators(FEED).etag()).isEqualTo("\"e1\"");
    }
    clock.advance(RETENTION);
    try (SeenStore store = open()) {
      assertThat(store.article("id1")).isNotNull();
    }
    clock.advance(Duration.ofDays(2));
    try (SeenStore store = open()) {
      assertThat(store.article("id1")).isNull();
      assertThat(store.articleCount()).isZero();
    }
  }

  @Test
  void shouldIgnoreALastLineTornByACrash() throws Exception {
    long now = clock.millis();
    Files.writeString(
        dir.resolve(SeenStore.FILE),
        "A\tid1\t1\t0\t0\t" + now + "\nA\tid1\t2\t0\t0\t17",
        StandardCharsets.UTF_8);
    try (SeenStore store = open()) {
      assertThat(store.article("id1")).isEqualTo(new SeenStore.Seen(1, 0, false, now));
    }
  }

  @Test
  void shouldCompactTheFileWhenExpiredEntriesDominate() throws Exception {
    Path file = dir.resolve(SeenStore.FILE);
    try (SeenStore store = open()) {
      for (int i = 0; i < 1500; i++) {
        store.article("old" + i, 1, 0, false);
      }
      store.checkpoint(ACKNOWLEDGED);
      assertThat(Files.readAllLines(file)).hasSize(1500);
      clock.advance(Duration.ofDays(12));
      store.article("new", 1, 0, false);

      store.checkpoint(ACKNOWLEDGED);

      assertThat(Files.readAllLines(file)).singleElement().asString().startsWith("A\tnew\t1\t");
      assertThat(dir.resolve(SeenStore.FILE + ".tmp")).doesNotExist();
      store.article("after", 1, 0, false);
      store.checkpoint(ACKNOWLEDGED);
    }
    try (SeenStore store = open()) {
      assertThat(store.articleCount()).isEqualTo(2);
      assertThat(store.article("after")).isNotNull();
    }
  }

  @Test
  void shouldCompactOnlyWhatTheOutputAcknowledged() throws Exception {
    try (SeenStore store = open()) {
      for (int i = 0; i < 1500; i++) {
        store.article("old" + i, 1, 0, false);
      }
      store.checkpoint(ACKNOWLEDGED);
      clock.advance(Duration.ofDays(12));
      store.article("early", 1, 0, false);
      AtomicInteger flushes = new AtomicInteger();
      // a worker records "late" while the first flush runs; the output fails before acknowledging
      // it, when the compaction asks for it to be made safe
      Runnable flush =
          () -> {
            if (flushes.incrementAndGet() == 1) {
              store.article("late", 1, 0, false);
            } else {
              throw new IllegalStateException("broker away");
            }
          };

      assertThatThrownBy(() -> store.checkpoint(flush)).hasMessage("broker away");
      assertThat(flushes).hasValue(2);
    }
    try (SeenStore store = open()) {
      assertThat(store.article("early")).isNotNull();
      assertThat(store.article("late")).isNull();
    }
  }
}
