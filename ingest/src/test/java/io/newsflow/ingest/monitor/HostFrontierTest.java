package io.newsflow.ingest.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The frontier on a clock the test moves: tasks run on the submitting thread and wake-ups fire when
 * the test says the time has come, so nothing here waits.
 */
class HostFrontierTest {
  static final Duration IDLE = Duration.ofMinutes(10);

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final ManualTimer timer = new ManualTimer();
  final HostFrontier frontier =
      new HostFrontier(
          new SameThread(),
          timer,
          new HostFrontier.Pace(1, Duration.ofSeconds(1), Duration.ofSeconds(30), IDLE),
          nanos::get);
  final List<String> ran = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void shouldDropHostsWithNothingToDoForLongAndKeepRecentOnes() {
    for (int i = 0; i < 100; i++) {
      frontier.submit("old-" + i + ".example", task("old-" + i));
    }
    advance(Duration.ofMinutes(6));
    frontier.submit("recent.example", task("recent"));
    advance(Duration.ofMinutes(5));

    assertThat(frontier.prune()).isEqualTo(100);

    assertThat(frontier.hosts()).isEqualTo(1);
    assertThat(ran).hasSize(101);
  }

  @Test
  void shouldKeepAHostWhileItsRequestRuns() {
    int[] prunedMeanwhile = {-1};
    frontier.submit(
        "busy.example",
        () -> {
          advance(Duration.ofHours(1));
          prunedMeanwhile[0] = frontier.prune();
        });
    assertThat(prunedMeanwhile[0]).isZero();
    assertThat(frontier.hosts()).isEqualTo(1);
  }

  @Test
  void shouldKeepAHostThatIsBackingOffWithItsPause() {
    frontier.submit("a.example", task("1"));
    frontier.backoff("a.example", Duration.ofHours(1));
    advance(Duration.ofMinutes(30));

    assertThat(frontier.prune()).isZero();
    frontier.submit("a.example", task("2"));
    advance(Duration.ofMinutes(29));
    timer.fire();
    assertThat(ran).containsExactly("1");
    advance(Duration.ofMinutes(2));
    timer.fire();
    assertThat(ran).containsExactly("1", "2");
  }

  @Test
  void shouldPaceAHostByItsCrawlDelayFromItsFirstRequestAlsoWhenItComesBack() {
    // as in the monitor: each request learns the host's Crawl-delay from robots.txt as it runs
    frontier.submit("slow.example", crawlDelayed("first"));
    frontier.submit("slow.example", crawlDelayed("second"));
    advance(Duration.ofSeconds(9));
    timer.fire();
    assertThat(ran).as("Crawl-delay 10 s, not the 1 s interval").containsExactly("first");
    advance(Duration.ofSeconds(1));
    timer.fire();
    assertThat(ran).containsExactly("first", "second");

    advance(IDLE.plusSeconds(11));
    assertThat(frontier.prune()).isEqualTo(1);
    assertThat(frontier.hosts()).isZero();

    frontier.submit("slow.example", crawlDelayed("back"));
    frontier.submit("slow.example", crawlDelayed("back again"));
    advance(Duration.ofSeconds(9));
    timer.fire();
    assertThat(ran).containsExactly("first", "second", "back");
    advance(Duration.ofSeconds(1));
    timer.fire();
    assertThat(ran).containsExactly("first", "second", "back", "back again");
  }

  Runnable task(String name) {
    return () -> ran.add(name);
  }

  Runnable crawlDelayed(String name) {
    return () -> {
      frontier.crawlDelay("slow.example", Duration.ofSeconds(10));
      ran.add(name);
    };
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  /** Runs each task on the calling thread. */
  static final class SameThread extends AbstractExecutorService {
    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }

  /** Keeps the wake-ups the frontier asks for; {@link #fire} runs them (the time has come). */
  static final class ManualTimer extends ScheduledThreadPoolExecutor {
    private final List<Runnable> wakes = new ArrayList<>();

    ManualTimer() {
      super(0);
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable r, long delay, TimeUnit unit) {
      wakes.add(r);
      return null;
    }

    void fire() {
      List<Runnable> due;
      synchronized (this) {
        due = new ArrayList<>(wakes);
        wakes.clear();
      }
      due.forEach(Runnable::run);
    }
  }
}
