package io.newsflow.schemas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates newsflow's topics when missing and waits until every partition answers offset requests,
 * because producing right after creation can wedge a partition (KAFKA-15591, PLATFORM.md trap 1).
 */
public final class TopicAdmin {
  /**
   * Largest record a newsflow topic accepts: a raw page at the 20 MiB ingest cap, encoded, fits.
   */
  public static final int MAX_MESSAGE_BYTES = 26 * 1024 * 1024;

  private final Admin admin;
  private final int partitions;
  private final short replication;
  private final Duration timeout;
  private final int minInSync;

  /**
   * @param admin an open admin client (not closed here)
   * @param partitions partitions of each new topic
   * @param replication replication factor of each new topic (1 for a single broker)
   * @param timeout how long each step may take
   */
  public TopicAdmin(Admin admin, int partitions, short replication, Duration timeout) {
    this(admin, partitions, replication, timeout, 0);
  }

  private TopicAdmin(
      Admin admin, int partitions, short replication, Duration timeout, int minInSync) {
    this.admin = admin;
    this.partitions = partitions;
    this.replication = replication;
    this.timeout = timeout;
    this.minInSync = minInSync;
  }

  /**
   * The same, creating each new topic with {@code min.insync.replicas} = {@code minInSync}: with
   * acks=all, a write succeeds only once that many replicas have it. 0 leaves the cluster's
   * default.
   *
   * @throws IllegalArgumentException when {@code minInSync} is negative or above the replication
   *     factor (no write could ever succeed)
   */
  public TopicAdmin withMinInSync(int minInSync) {
    if (minInSync < 0 || minInSync > replication) {
      throw new IllegalArgumentException(
          "min.insync.replicas "
              + minInSync
              + " must be between 0 (the cluster's default) and the replication factor "
              + replication);
    }
    return new TopicAdmin(admin, partitions, replication, timeout, minInSync);
  }

  /** Creates the missing ones of {@code names}, then waits until all of them are usable. */
  public void ensure(Collection<TopicSpec<?, ?>> topics) {
    Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    topics.forEach(
        t -> configs.put(t.name(), t.compacted() ? Map.of("cleanup.policy", "compact") : Map.of()));
    ensure(configs);
  }

  /**
   * As {@link #ensure(Collection)}, for Kafka Streams' repartition topics, set as Streams sets them
   * when it creates them itself: records are deleted by Streams once processed, never by time (a
   * stopped application's unprocessed records wait for it), in 50 MB segments, with the producer's
   * timestamps.
   */
  public void ensureRepartition(Collection<String> names) {
    Map<String, String> repartition =
        Map.of(
            "cleanup.policy", "delete",
            "retention.ms", "-1",
            "segment.bytes", Integer.toString(50 * 1024 * 1024),
            "message.timestamp.type", "CreateTime");
    Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    names.forEach(n -> configs.put(n, repartition));
    ensure(configs);
  }

  /** Topic name → the configs a new one gets beside newsflow's own. */
  private void ensure(Map<String, Map<String, String>> topics) {
    if (topics.isEmpty()) {
      return;
    }
    try {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      topics.forEach(
          (name, own) -> {
            if (!existing.contains(name)) {
              Map<String, String> configs = new HashMap<>(own);
              configs.put("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
              if (minInSync > 0) {
                configs.put("min.insync.replicas", Integer.toString(minInSync));
              }
              missing.add(new NewTopic(name, partitions, replication).configs(configs));
            }
          });
      if (!missing.isEmpty()) {
        createIgnoringRaces(missing);
      }
      awaitOffsets(List.copyOf(topics.keySet()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create or reach topics: " + e.getMessage(), e);
    }
  }

  private void createIgnoringRaces(List<NewTopic> missing)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private void awaitOffsets(List<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        Map<String, TopicDescription> described =
            admin
                .describeTopics(names)
                .allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described
            .values()
            .forEach(
                d ->
                    d.partitions()
                        .forEach(
                            p ->
                                request.put(
                                    new TopicPartition(d.name(), p.partition()),
                                    OffsetSpec.latest())));
        admin.listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
