package io.newsflow.enrich;

import io.newsflow.enrich.topology.EnrichSettings;
import io.newsflow.enrich.topology.EnrichTopology;
import io.newsflow.schemas.TopicAdmin;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrich topology as a Kafka Streams application, exactly-once by default. Content
 * problems become dead letters inside the topology; what escapes it (a broker fault Streams could
 * not ride out, a bug) stops the application, and {@link #failure()} tells why.
 */
public final class EnrichService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
  public static final String DEFAULT_APPLICATION_ID = "newsflow-enrich";

  /** Default commit interval: how long enrich output may wait before consumers can read it. */
  public static final int COMMIT_INTERVAL_MS = 1000;

  /** Default input records Streams buffers per partition before it pauses fetching. */
  public static final int BUFFERED_RECORDS_PER_PARTITION = 64;

  /** How long a restore fetch waits for data it does not find (Kafka's default: 500 ms). */
  public static final int RESTORE_FETCH_MAX_WAIT_MS = 50;

  /**
   * How long a fetch of the main consumer waits at the broker for data it does not find (Kafka's
   * default: 500 ms).
   */
  public static final int MAIN_CONSUMER_FETCH_MAX_WAIT_MS = 100;

  /** Default bytes one fetch of the main consumer may return (Kafka's default: 50 MiB). */
  public static final int MAIN_CONSUMER_FETCH_MAX_BYTES = 8 * 1024 * 1024;

  private final KafkaStreams streams;
  private final Set<String> changelogTopics = new TreeSet<>();
  private final Set<String> singlePartitionChangelogs = new TreeSet<>();
  private final Set<String> repartitionTopics = new TreeSet<>();
  private final Set<String> singlePartitionRepartitionTopics = new TreeSet<>();
  private final CountDownLatch running = new CountDownLatch(1);
  private volatile long firstRunningNanos;
  private volatile Throwable failure;

  /**
   * @param streamsProps Kafka Streams properties; {@code bootstrap.servers} and {@code state.dir}
   *     at least. Defaults: application.id {@value #DEFAULT_APPLICATION_ID}, processing.guarantee
   *     exactly_once_v2, commit.interval.ms {@value #COMMIT_INTERVAL_MS}.
   */
  public EnrichService(Map<String, Object> streamsProps, EnrichSettings settings) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        TopicAdmin.MAX_MESSAGE_BYTES);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    // Each commit blocks the stream thread until every record sent is acknowledged; at the
    // exactly-once default (100 ms) the threads spent a quarter of a replay waiting for commits
    // (docs/performance.md). A second keeps end-to-end latency low for a news stream.
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
    // Streams buffers up to 1,000 records per input partition by default: with raw pages of
    // ~170 KB (and up to 20 MiB) that bound is in the hundreds of megabytes a partition, for a
    // process that runs in a 640 MB heap. 64 records a partition still keep every stream thread
    // fed (a replay of 1,810 real pages ran no slower, docs/performance.md).
    p.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, BUFFERED_RECORDS_PER_PARTITION);
    p.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG),
        MAIN_CONSUMER_FETCH_MAX_BYTES);
    // A fetch waiting at the broker holds back the thread's next one: with 500 ms, the articles
    // of a short burst (a replay's five seeds, a feed poll's new items) reached the end of the
    // three hops about 0.2 s later than with 100 ms (docs/performance.md, session 10). An idle
    // thread asks ten times a second instead of twice, which a broker does not feel.
    p.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
        MAIN_CONSUMER_FETCH_MAX_WAIT_MS);
    // Restoring a store reads its changelog up to the end offset, and a fetch that finds nothing
    // new waits fetch.max.wait.ms (500 ms) before answering: at the end of every restore, so each
    // start of a task with a small or empty changelog took half a second more than its data needed.
    p.put(
        StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
        RESTORE_FETCH_MAX_WAIT_MS);
    // per-record failures are handled inside the topology; opt in to Kafka 5.0's default now
    p.put("processing.exception.handler.global.enabled", true);
    p.putAll(streamsProps);
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(p)));
    Topology topology = EnrichTopology.build(builder, settings);
    String applicationId = p.get(StreamsConfig.APPLICATION_ID_CONFIG).toString();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Sink sink
            && sink.topic() != null
            && sink.topic().endsWith("-repartition")) {
          (sink.topic().startsWith(EnrichTopology.STORY_REPARTITION + "-")
                  ? singlePartitionRepartitionTopics
                  : repartitionTopics)
              .add(applicationId + "-" + sink.topic());
        }
        if (node instanceof TopologyDescription.Processor processor) {
          processor
              .stores()
              .forEach(
                  s ->
                      (s.equals(EnrichTopology.STORY_STORE)
                              ? singlePartitionChangelogs
                              : changelogTopics)
                          .add(applicationId + "-" + s + "-changelog"));
        }
      }
    }
    this.streams = new KafkaStreams(topology, p);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("enrich stopped on an error it cannot ride out", e);
          failure = e;
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING && running.getCount() > 0) {
            firstRunningNanos = System.nanoTime();
            running.countDown();
          }
        });
  }

  /**
   * The changelog topics of the topology's state stores, as Kafka Streams names them. A caller can
   * create them (compacted, with as many partitions as news.raw) and wait until they answer before
   * {@link #start()}, so the first transaction does not write to a topic that is not ready yet.
   */
  public Set<String> changelogTopics() {
    return Set.copyOf(changelogTopics);
  }

  /**
   * The changelog topics of stores that live in a single-partition part of the topology (the story
   * window): to be created ahead with one partition, not with news.raw's count.
   */
  public Set<String> singlePartitionChangelogs() {
    return Set.copyOf(singlePartitionChangelogs);
  }

  /**
   * The repartition topics Streams would create at its first assignment, with news.raw's partition
   * count. Created ahead (as Streams makes them: delete policy, no time limit), they spare a new
   * application the second rebalance that their creation causes (the group's metadata changes under
   * it), which took seconds on a fresh data folder.
   */
  public Set<String> repartitionTopics() {
    return Set.copyOf(repartitionTopics);
  }

  /** As {@link #repartitionTopics()}, those with one partition (the story step's input). */
  public Set<String> singlePartitionRepartitionTopics() {
    return Set.copyOf(singlePartitionRepartitionTopics);
  }

  public void start() {
    streams.start();
  }

  /** Waits until the application has joined and been assigned its partitions. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** {@link System#nanoTime()} when the application first reached RUNNING; 0 before that. */
  public long firstRunningNanos() {
    return firstRunningNanos;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The error that stopped the application, or null. */
  public Throwable failure() {
    return failure;
  }

  @Override
  public void close() {
    // leave the group, so a restarted instance is assigned at once instead of after the session
    // timeout
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }
}
