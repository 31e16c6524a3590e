package io.newsflow.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SeenOffsetsTest {
  static final TopicPartition TP = new TopicPartition("t", 0);

  /** Records at 0,1 (marker 2), 3,4 (marker 5), 6 (marker 7): the reader is at 8. */
  static SeenOffsets transactions() {
    SeenOffsets s = new SeenOffsets();
    s.start(TP, 0);
    for (long o : new long[] {0, 1, 3, 4, 6}) {
      s.seen(TP, o);
    }
    s.position(TP, 8);
    return s;
  }

  @Test
  void shouldCountOnlyRecordsWhereTheReaderHasBeen() {
    SeenOffsets s = transactions();
    assertThat(s.records(TP, 8, 8)).isZero();
    assertThat(s.records(TP, 7, 8)).as("only a marker left").isZero();
    assertThat(s.records(TP, 3, 8)).isEqualTo(3);
    assertThat(s.records(TP, 0, 8)).isEqualTo(5);
  }

  @Test
  void shouldCountOffsetsTheReaderHasNotReachedAsRecords() {
    SeenOffsets s = transactions();
    assertThat(s.records(TP, 7, 12)).isEqualTo(4);
    assertThat(s.records(TP, 3, 12)).isEqualTo(3 + 4);
    assertThat(s.records(new TopicPartition("other", 0), 3, 12)).isEqualTo(9);
  }

  @Test
  void shouldCountOffsetsBeforeWhatItKeepsAsRecords() {
    SeenOffsets s = new SeenOffsets();
    s.start(TP, 100);
    s.seen(TP, 100);
    s.seen(TP, 102);
    s.position(TP, 104);
    assertThat(s.records(TP, 90, 104)).isEqualTo(10 + 2);
  }

  @Test
  void shouldForgetTheOldestOffsetsBeyondWhatItKeeps() {
    SeenOffsets s = new SeenOffsets();
    s.start(TP, 0);
    long o = 0;
    for (int i = 0; i < SeenOffsets.KEPT + 10; i++) {
      s.seen(TP, o);
      o += 2; // a marker after each record
    }
    s.position(TP, o);
    // the latest KEPT records are counted exactly, markers left out
    long keptFrom = 2L * 10;
    assertThat(s.records(TP, keptFrom, o)).isEqualTo(SeenOffsets.KEPT);
    // before that, offsets are all it has
    assertThat(s.records(TP, 0, o)).isEqualTo(SeenOffsets.KEPT + keptFrom - 1);
  }

  @Test
  void shouldStartAgainWhenTheReaderGoesBack() {
    SeenOffsets s = transactions();
    s.seen(TP, 2);
    s.position(TP, 3);
    assertThat(s.records(TP, 2, 3)).isEqualTo(1);
    assertThat(s.records(TP, 0, 3)).isEqualTo(3);
  }
}
