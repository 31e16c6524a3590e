package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.testkit.KafkaFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich killed with SIGKILL and started again on its state folder, against a real broker. Under
 * exactly-once, a persistent store that a killed process leaves behind cannot be trusted (it may
 * hold writes of a transaction that never committed), so Streams declares its task corrupted, wipes
 * the store and rebuilds it from the changelog (TaskCorruptedException). No store of the topology
 * is persistent: the learner's sketches are kept in an in-memory store and the story window in the
 * story step's heap (its store holds it only while the step reads it back, {@link ReadOnceStore}),
 * both rebuilt from their changelogs on every start. So no task may be declared corrupted after a
 * kill, and the stages go on enriching and grouping stories.
 */
public class LearnerRestartIT {
  static final Duration READ_FOR = Duration.ofSeconds(60);
  final String bootstrap = KafkaFixture.shared().bootstrapServers();
  private final Set<String> seen = new HashSet<>();

  /**
   * An enrich topology in a process of its own, so the test can kill it with SIGKILL. Prints {@code
   * running} once it has joined; Streams' warnings go to its standard error (the module's
   * log4j2-test.properties).
   *
   * <p>Args: bootstrap applicationId stateDir
   */
  public static void main(String[] args) throws Exception {
    KafkaStreams streams = start(args[0], args[1], Path.of(args[2]));
    EnrichDrivers.awaitRunning(streams);
    System.out.println("running");
    Thread.sleep(Long.MAX_VALUE);
  }

  @Test
  void shouldRestartEveryTaskAfterAKillWithoutDeclaringItCorrupted(@TempDir Path dir)
      throws Exception {
    EnrichDrivers.ensureTopics(bootstrap, OutletPartitioningIT.PARTITIONS);
    String run = "learner-restart-" + Long.toString(System.nanoTime(), 36) + "-";
    Topology topology = EnrichTopology.build(new StreamsBuilder(), EnrichSettings.defaults());
    Pattern learnerTask =
        Pattern.compile("\\b" + subtopologyOf(topology, LearnStep.STORE) + "_\\d+\\b");
    Pattern storyTask = Pattern.compile("\\b" + subtopologyOf(topology, StoryStep.STORE) + "_0\\b");
    Path state = dir.resolve("state");

    try (KafkaProducer<String, byte[]> producer = EnrichDrivers.producer(bootstrap);
        KafkaConsumer<String, byte[]> consumer = EnrichDrivers.enrichedConsumer(bootstrap)) {
      Process first = startChild(run + "app", state, dir.resolve("first.log"));
      try {
        EnrichDrivers.sendRaw(producer, run, 0, 6, i -> "Harbour Ledger " + (i % 3));
        assertThat(EnrichDrivers.readIds(consumer, run, seen, 6, READ_FOR)).hasSize(6);
      } finally {
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
      }
      Path log = dir.resolve("second.log");
      Process second = startChild(run + "app", state, log);
      try {
        EnrichDrivers.sendRaw(producer, run, 6, 3, i -> "Harbour Ledger " + (i % 3));
        assertThat(EnrichDrivers.readIds(consumer, run, seen, 9, READ_FOR))
            .as("enriched after the restart")
            .hasSize(9);
      } finally {
        second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      List<String> corrupted =
          Files.readAllLines(log).stream().filter(l -> l.contains("corrupted")).toList();
      assertThat(corrupted)
          .as("tasks declared corrupted on the restart")
          .noneMatch(l -> learnerTask.matcher(l).find())
          .noneMatch(l -> storyTask.matcher(l).find())
          .isEmpty();
      assertThat(Files.readString(log))
          .as("the story window came back from its changelog")
          .containsPattern("story window restored: [1-9]\\d* open stories");
    }
  }

  /** Starts {@link #main} in a child JVM; returns once it says it is running. */
  private Process startChild(String app, Path state, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                LearnerRestartIT.class.getName(),
                bootstrap,
                app,
                state.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    // a test that fails before its finally leaves no child running past the test JVM
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!(Files.exists(log) && Files.readString(log).contains("running"))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new AssertionError("the enrich child did not start:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return p;
  }

  /** The id of the sub-topology whose processors use {@code store}. */
  static int subtopologyOf(Topology topology, String store) {
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor p && p.stores().contains(store)) {
          return sub.id();
        }
      }
    }
    throw new AssertionError("no sub-topology uses " + store);
  }

  static KafkaStreams start(String bootstrap, String app, Path stateDir) {
    Properties p = EnrichDrivers.streamsProps(bootstrap, app, stateDir);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    // the killed child's partitions go to the next one once the broker gives up on it
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    return EnrichDrivers.startStreams(p);
  }
}
