package io.newsflow.cli.dashboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads, every few seconds, how many records each stage's consumer group has still to read of the
 * topic it reads: the enrich application on news.raw, the sink on news.enriched. The end is the
 * last stable offset (what a read-committed consumer can reach), and the records between a group's
 * committed offset and that end are counted with the dashboard reader's {@link SeenOffsets}, so
 * transaction markers are not counted as lag. A group that has committed nothing yet counts the
 * whole topic as its lag.
 */
final class LagProbe implements AutoCloseable {
  /** A stage's consumer group and the topic it reads. */
  record Group(String stage, String groupId, String topic) {}

  private final Admin admin;
  private final DashboardState state;
  private final Iterable<Group> groups;
  private final SeenOffsets seen;
  private final Map<String, Partitions> partitions = new HashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "newsflow-dashboard-lag");
            t.setDaemon(true);
            return t;
          });

  LagProbe(
      Map<String, Object> clientProps,
      DashboardState state,
      Iterable<Group> groups,
      SeenOffsets seen) {
    this.seen = seen;
    Map<String, Object> p = new HashMap<>(clientProps);
    p.put("client.id", "newsflow-dashboard-lag");
    this.admin = Admin.create(p);
    this.state = state;
    this.groups = groups;
  }

  void start(Duration every) {
    timer.scheduleWithFixedDelay(this::probe, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void probe() {
    Map<String, Long> lag = new LinkedHashMap<>();
    try {
      for (Group g : groups) {
        lag.put(g.stage(), lag(g));
      }
      state.lag(lag, null);
    } catch (Exception e) {
      state.lag(lag, "cannot read consumer lag: " + e.getMessage());
    }
  }

  private long lag(Group g) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(g.groupId())
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions(g.topic()).forEach(tp -> request.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        admin
            .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get(10, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    for (TopicPartition tp : ends.keySet()) {
      if (committed.get(tp) == null) {
        earliest.put(tp, OffsetSpec.earliest());
      }
    }
    Map<TopicPartition, ListOffsetsResultInfo> begins =
        earliest.isEmpty() ? Map.of() : admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
    long total = 0;
    for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : ends.entrySet()) {
      OffsetAndMetadata c = committed.get(e.getKey());
      long from = c != null ? c.offset() : begins.get(e.getKey()).offset();
      total += seen.records(e.getKey(), from, e.getValue().offset());
    }
    return total;
  }

  /** A topic's partitions, asked of the cluster once a minute (they seldom change). */
  private java.util.List<TopicPartition> partitions(String topic) throws Exception {
    Partitions known = partitions.get(topic);
    if (known == null || System.nanoTime() - known.at() > TimeUnit.MINUTES.toNanos(1)) {
      java.util.List<TopicPartition> list = new java.util.ArrayList<>();
      admin
          .describeTopics(java.util.List.of(topic))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .forEach(p -> list.add(new TopicPartition(topic, p.partition())));
      known = new Partitions(list, System.nanoTime());
      partitions.put(topic, known);
    }
    return known.list();
  }

  private record Partitions(java.util.List<TopicPartition> list, long at) {}

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
