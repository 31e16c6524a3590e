package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Story;
import io.newsflow.schemas.StoryMember;
import io.newsflow.schemas.Topics;
import io.newsflow.testkit.KafkaFixture;
import io.newsflow.testkit.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story step with enrich running as two instances over a four-partition {@code news.raw},
 * against a real broker: one story's articles arrive on different partitions, are enriched by
 * different instances, and still end in one story; a third instance started on an empty state
 * directory after both stop restores the window from the changelog and keeps adding to it.
 */
class StoryInstancesIT {
  static final int PARTITIONS = 4;
  final String bootstrap = KafkaFixture.shared().bootstrapServers();

  @Test
  void shouldPutOneStorysArticlesFromEveryPartitionAndInstanceIntoOneStory(@TempDir Path dir)
      throws Exception {
    EnrichDrivers.ensureTopics(bootstrap, PARTITIONS);
    String app = "story-it-" + System.nanoTime();
    String run = Long.toString(System.nanoTime(), 36) + "-";
    List<Path> seeds;
    try (Stream<Path> s = Files.list(SharedData.seeds())) {
      seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    List<String> ids = new ArrayList<>();
    String story;
    try (KafkaStreams one = start(app, dir.resolve("one"));
        KafkaStreams two = start(app, dir.resolve("two"))) {
      awaitRunning(one, two);
      assertThat(activeTasks(one)).as("instance one holds tasks").isPositive();
      assertThat(activeTasks(two)).as("instance two holds tasks").isPositive();
      for (int i = 0; i < 4; i++) {
        String id = run + "seed-" + i;
        ids.add(id);
        produce(id, i % PARTITIONS, "Outlet " + i, Files.readAllBytes(seeds.get(i)));
      }
      produce(
          run + "other",
          1,
          "Sports Daily",
          StoryStageTest.UNRELATED.getBytes(StandardCharsets.UTF_8));
      Map<String, EnrichedArticle> out = readArticles(a -> a.getId().startsWith(run), 5);

      // whichever article reached the story task first opened the story
      story = out.get(ids.get(0)).getStoryId();
      assertThat(story).isNotNull();
      assertThat(ids).allSatisfy(id -> assertThat(out.get(id).getStoryId()).isEqualTo(story));
      assertThat(out.get(run + "other").getStoryId()).isNotEqualTo(story);
      Story state = latestStories(s -> s.getId().equals(story)).get(story);
      assertThat(state.getArticleCount()).isEqualTo(4);
      assertThat(state.getArticles())
          .extracting(StoryMember::getOutlet)
          .containsExactlyInAnyOrder("Outlet 0", "Outlet 1", "Outlet 2", "Outlet 3");
    }

    // both instances stopped; a new one on an empty state directory restores the window
    try (KafkaStreams three = start(app, dir.resolve("three"))) {
      awaitRunning(three);
      String id = run + "seed-4";
      produce(id, 3, "Outlet 4", Files.readAllBytes(seeds.get(4)));
      EnrichedArticle fifth = readArticles(a -> a.getId().equals(id), 1).get(id);
      assertThat(fifth.getStoryId()).isEqualTo(story);
      String seen = story;
      Story state = latestStories(s -> s.getId().equals(seen)).get(story);
      assertThat(state.getArticleCount()).isEqualTo(5);
    }
  }

  private KafkaStreams start(String app, Path stateDir) {
    Properties p = EnrichDrivers.streamsProps(bootstrap, app, stateDir);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    return EnrichDrivers.startStreams(p);
  }

  private static void awaitRunning(KafkaStreams... all) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (Stream.of(all).allMatch(s -> s.state() == KafkaStreams.State.RUNNING)
          && Stream.of(all).allMatch(s -> activeTasks(s) > 0)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("streams did not reach RUNNING with tasks in 90 s");
  }

  private static int activeTasks(KafkaStreams s) {
    return s.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
  }

  private void produce(String id, int partition, String outlet, byte[] body) throws Exception {
    RawArticle raw = EnrichTopologyTest.rawText(id, body);
    raw.setOutlet(outlet);
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      p.send(new ProducerRecord<>(Topics.RAW.name(), partition, id, EnrichTopologyTest.encode(raw)))
          .get();
    }
  }

  private Map<String, EnrichedArticle> readArticles(Predicate<EnrichedArticle> keep, int want) {
    Map<String, EnrichedArticle> out = new LinkedHashMap<>();
    readAll(
        Topics.ENRICHED.name(),
        r -> {
          EnrichedArticle a =
              Topics.ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value());
          if (keep.test(a)) {
            out.put(a.getId(), a);
          }
          return out.size() >= want;
        },
        false);
    assertThat(out).hasSize(want);
    return out;
  }

  private Map<String, Story> latestStories(Predicate<Story> keep) {
    Map<String, Story> out = new HashMap<>();
    readAll(
        Topics.STORIES.name(),
        r -> {
          Story s = Topics.STORIES.valueSerde().deserializer().deserialize(r.topic(), r.value());
          if (keep.test(s)) {
            out.merge(s.getId(), s, (x, y) -> y.getSequence() > x.getSequence() ? y : x);
          }
          return false;
        },
        true);
    return out;
  }

  /**
   * Reads the topic from the start until {@code done} says so, or (with {@code stopAtEnd}) it is
   * read to its end; 60 s at most.
   */
  private void readAll(
      String topic, Predicate<ConsumerRecord<String, byte[]>> done, boolean stopAtEnd) {
    Map<String, Object> c = new HashMap<>();
    c.put("bootstrap.servers", bootstrap);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() != null && done.test(r)) {
            return;
          }
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(parts);
        if (stopAtEnd && parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
          return;
        }
      }
    }
  }
}
