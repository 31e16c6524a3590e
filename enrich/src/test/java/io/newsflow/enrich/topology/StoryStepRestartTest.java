package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.story.StorySettings;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.testkit.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoryStep} over its real store (cached, changelogged, as the topology builds it), stopped
 * mid-stream and started again on what its changelog held: it must decide every later article as
 * the uninterrupted step does. The vocabulary bound is small so that the term table is halved and
 * checkpointed before the restart; a state change the store lost would change the decisions or the
 * stories' states.
 */
class StoryStepRestartTest {
  static final String IN = "story-in";
  static final ObjectMapper JSON = new ObjectMapper();
  static final StorySettings SETTINGS =
      new StorySettings(Duration.ofDays(3), Duration.ofDays(1), 40, 0.22, 0.5, 0.5, 3, 256, 3000);
  static Tagger tagger;
  static List<EnrichedArticle> articles;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    Path file = SharedData.root().resolve("bench/stories/ecbplus.jsonl");
    assumeTrue(Files.exists(file), "ecbplus.jsonl not found");
    articles = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      JsonNode n = JSON.readTree(line);
      articles.add(
          EnrichedArticle.newBuilder()
              .setId(n.get("id").asText())
              .setSource("test")
              .setTitle(n.path("title").asText(""))
              .setText(n.path("text").asText(""))
              .setRemoved(List.of())
              .setTopics(List.of())
              .setLanguage("en")
              .setFetchedAt(java.time.Instant.EPOCH)
              .setExtractorVersion("test")
              .setTaxonomyVersion("test")
              .build());
    }
    tagger = Tagger.loadDefault();
  }

  /** What the step forwarded, in order: article id → story and copy, story id → its state. */
  static final class Seen {
    final List<String> lines = new ArrayList<>();
  }

  /** The step alone; its store pre-filled with {@code initial} before the step starts on it. */
  private TopologyTestDriver driver(String name, Map<String, byte[]> initial, Seen seen) {
    Topology t = new Topology();
    t.addSource("in", Serdes.String().deserializer(), HandOff.OUT, IN);
    t.addProcessor("assign-story", () -> new StartLater(initial), "in");
    t.addStateStore(EnrichTopology.storyStore(), "assign-story");
    t.addProcessor(
        "seen",
        () ->
            (Processor<String, StoryStep.Out, Void, Void>)
                r -> {
                  StoryStep.Out o = r.value();
                  seen.lines.add(
                      o.article() != null
                          ? r.key()
                              + " "
                              + o.article().getStoryId()
                              + " "
                              + o.article().getDuplicateOf()
                          : r.key() + " " + o.story());
                },
        "assign-story");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, name);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve(name).toString());
    return new TopologyTestDriver(t, p);
  }

  /** Writes the initial entries, then starts the real step on the store, at the first record. */
  private static final class StartLater
      implements Processor<String, EnrichedArticle, String, StoryStep.Out> {
    private final Map<String, byte[]> initial;
    private ProcessorContext<String, StoryStep.Out> context;
    private StoryStep step;

    StartLater(Map<String, byte[]> initial) {
      this.initial = initial;
    }

    @Override
    public void init(ProcessorContext<String, StoryStep.Out> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
      if (step == null) {
        KeyValueStore<String, byte[]> store = context.getStateStore(StoryStep.STORE);
        initial.forEach(store::put);
        step = new StoryStep(SETTINGS, tagger);
        step.init(context);
      }
      step.process(record);
    }
  }

  /** Hands the record object through the input topic unchanged (one thread, synchronous). */
  private static final class HandOff {
    private static EnrichedArticle last;
    static final Serializer<EnrichedArticle> IN =
        (topic, a) -> {
          last = a;
          return new byte[0];
        };
    static final Deserializer<EnrichedArticle> OUT = (topic, bytes) -> last;
  }

  private static void pipe(TopologyTestDriver d, List<EnrichedArticle> as) {
    TestInputTopic<String, EnrichedArticle> in =
        d.createInputTopic(IN, Serdes.String().serializer(), HandOff.IN);
    for (EnrichedArticle a : as) {
      in.pipeInput(a.getId(), a);
    }
  }

  /**
   * What a restore reads: the store's changelog as the driver captured it, the last value per key,
   * without the keys a tombstone removed.
   */
  static Map<String, byte[]> changelog(TopologyTestDriver d, String applicationId) {
    Map<String, byte[]> out = new HashMap<>();
    d.createOutputTopic(
            applicationId + "-" + StoryStep.STORE + "-changelog",
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer())
        .readKeyValuesToList()
        .forEach(
            kv -> {
              if (kv.value == null) {
                out.remove(kv.key);
              } else {
                out.put(kv.key, kv.value);
              }
            });
    return out;
  }

  @Test
  void shouldDecideAfterARestartOnItsStoreExactlyAsWithoutIt() {
    int restartAt = 600;
    Seen uninterrupted = new Seen();
    try (TopologyTestDriver a = driver("whole", Map.of(), uninterrupted)) {
      pipe(a, articles);
    }
    Map<String, byte[]> stored;
    try (TopologyTestDriver b = driver("first-part", Map.of(), new Seen())) {
      pipe(b, articles.subList(0, restartAt));
      stored = changelog(b, "first-part");
    }
    // the term table is a checkpoint and a log, a record an article at most: no per-term entries
    assertThat(stored.keySet()).noneMatch(k -> k.startsWith("t:"));
    assertThat(stored.keySet().stream().filter(k -> k.startsWith("d:")).count())
        .isLessThanOrEqualTo(restartAt);

    Seen restarted = new Seen();
    try (TopologyTestDriver c = driver("second-part", stored, restarted)) {
      pipe(c, articles.subList(restartAt, articles.size()));
    }
    List<String> expected =
        uninterrupted.lines.subList(
            uninterrupted.lines.size() - restarted.lines.size(), uninterrupted.lines.size());
    assertThat(restarted.lines).hasSizeGreaterThan(2 * (articles.size() - restartAt) - 1);
    assertThat(restarted.lines).isEqualTo(expected);
  }
}
