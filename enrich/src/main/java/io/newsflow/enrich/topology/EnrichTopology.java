package io.newsflow.enrich.topology;

import io.newsflow.enrich.tag.Tag;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.tag.TaggingTimeoutException;
import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.ExtractionException;
import io.newsflow.enrich.text.LanguageDetector;
import io.newsflow.enrich.text.PageKind;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology: {@code news.raw} → decode → extract → strip the outlet's learned boilerplate
 * → tag → {@code news.enriched}, the compacted {@code news.articles} (latest version per id) and
 * one {@code news.topic.<name>} per tag, each article carrying the story it belongs to, and every
 * story as it stands to the compacted {@code news.stories}; pages that are not news (their {@code
 * pageKind} is not one of {@link EnrichSettings#newsKinds()}) go to {@code news.pages} instead;
 * whatever a step cannot process goes to {@code news.dlq}. Built by one function so tests drive
 * exactly the production topology.
 */
public final class EnrichTopology {
  public static final String DECODE = "decode-raw";
  public static final String EXTRACT = "extract-article";
  public static final String LEARN = "strip-outlet-boilerplate";
  public static final String TAG = "tag-topics";
  public static final String STORY = "assign-story";

  /**
   * The repartition topic (one partition) that brings every news article to the one task that owns
   * the story window; Streams names it {@code <application.id>-story-window-repartition}.
   */
  public static final String STORY_REPARTITION = "story-window";

  /**
   * The repartition topic that brings every article of one outlet to one task, before any work is
   * done on it; Streams names it {@code <application.id>-by-outlet-repartition}. It has as many
   * partitions as {@code news.raw}.
   */
  public static final String OUTLET_REPARTITION = "by-outlet";

  /** The story window's state store; its changelog has one partition, as its input topic. */
  public static final String STORY_STORE = StoryStep.STORE;

  private EnrichTopology() {}

  /** Adds the enrich steps to {@code builder} and returns the built topology. */
  public static Topology build(StreamsBuilder builder, EnrichSettings settings) {
    ArticleExtractor extractor = new ArticleExtractor(settings.extractor());
    Tagger tagger = settings.tagger();

    builder.addStateStore(learnerStore());
    builder.addStateStore(storyStore());
    KStream<String, Carried<byte[]>> raw =
        byOutlet(
                builder.stream(
                    Topics.RAW.name(),
                    Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-raw")))
            .processValues(CommitWhenQuiet::new, Named.as("commit-when-quiet-outlet"))
            .mapValues(bytes -> Carried.ok(bytes, bytes), Named.as("keep-original-bytes"));

    KStream<String, Carried<EnrichedArticle>> enriched =
        raw.processValues(
                () -> new GuardedStep<byte[], RawArticle>(DECODE, (k, v, c) -> decode(v)),
                Named.as(DECODE))
            .processValues(
                () ->
                    new GuardedStep<RawArticle, Extracted>(
                        EXTRACT, (k, v, c) -> extract(extractor, v)),
                Named.as(EXTRACT))
            .processValues(
                () -> new GuardedStep<>(LEARN, new LearnStep(settings.learner())),
                Named.as(LEARN),
                LearnStep.STORE)
            .processValues(
                () -> new GuardedStep<Extracted, EnrichedArticle>(TAG, (k, v, c) -> tag(tagger, v)),
                Named.as(TAG));

    Map<String, KStream<String, Carried<EnrichedArticle>>> routes =
        enriched
            .split(Named.as("route-"))
            .branch((k, v) -> v.isDead(), Branched.as("dead-letters"))
            .defaultBranch(Branched.as("enriched"));

    routes
        .get("route-dead-letters")
        .mapValues(Carried::dead, Named.as("unwrap-dead-letter"))
        .to(
            Topics.DLQ.name(),
            Produced.with(Serdes.String(), Topics.DLQ.valueSerde()).withName("write-dead-letters"));

    Map<String, KStream<String, EnrichedArticle>> kinds =
        routes
            .get("route-enriched")
            .mapValues(Carried::value, Named.as("unwrap-enriched"))
            .split(Named.as("route-kind-"))
            .branch((k, a) -> isNews(settings, a), Branched.as("news"))
            .defaultBranch(Branched.as("pages"));
    kinds
        .get("route-kind-pages")
        .to(
            Topics.PAGES.name(),
            Produced.with(Serdes.String(), Topics.PAGES.valueSerde()).withName("write-pages"));

    KStream<String, EnrichedArticle> articles = stories(kinds.get("route-kind-news"), settings);
    articles.to(
        Topics.ENRICHED.name(),
        Produced.with(Serdes.String(), Topics.ENRICHED.valueSerde()).withName("write-enriched"));
    articles.to(
        Topics.ARTICLES.name(),
        Produced.with(Serdes.String(), Topics.ARTICLES.valueSerde())
            .withName("write-latest-articles"));
    for (String name : tagger.topicNames().stream().sorted().toList()) {
      articles
          .filter((k, a) -> hasTopic(a, name), Named.as("select-topic-" + name))
          .to(
              Topics.forTag(name).name(),
              Produced.with(Serdes.String(), Topics.ENRICHED.valueSerde())
                  .withName("write-topic-" + name));
    }
    return builder.build();
  }

  /**
   * The learner's store, one sketch per outlet (~13 KB each). In memory, rebuilt from its compacted
   * changelog on every start: a persistent store left by a killed process is declared corrupted
   * under exactly-once, wiped and rebuilt anyway (LearnerRestartIT), and a small state gains
   * nothing from RocksDB but a native-memory footprint per partition. Cached: an outlet's sketch is
   * read and rewritten for every article, but reaches the changelog once per commit (the last
   * version), not once per article; the cache is flushed inside the commit, so exactly-once holds.
   */
  static StoreBuilder<KeyValueStore<String, byte[]>> learnerStore() {
    return Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(LearnStep.STORE), Serdes.String(), Serdes.ByteArray())
        .withCachingEnabled();
  }

  /**
   * The story window's store: the step keeps the window in the heap and writes every change here;
   * the store's entries live only from the task's start until the step has read them back ({@link
   * ReadOnceStore}), so no copy of the window stays in RocksDB or in the store, and nothing a
   * killed process left on disk has to be declared corrupted. Cached: a story changed by several
   * articles in one commit reaches the changelog once.
   */
  static StoreBuilder<KeyValueStore<String, byte[]>> storyStore() {
    return Stores.keyValueStoreBuilder(
            ReadOnceStore.supplier(StoryStep.STORE), Serdes.String(), Serdes.ByteArray())
        .withCachingEnabled();
  }

  /**
   * Repartitions the raw records by outlet ({@link OutletPartitioner}), so the learner's task for
   * an outlet sees all of its articles whichever producer wrote {@code news.raw} and however it
   * spread them: the same input gives the same output. The records stay keyed by article id and
   * keep their original bytes; their {@code news.raw} position travels in headers ({@link
   * SourcePosition}) for the dead letters made after the repartition.
   */
  private static KStream<String, byte[]> byOutlet(KStream<String, byte[]> raw) {
    return raw.processValues(CommitWhenQuiet::new, Named.as("commit-when-quiet-raw"))
        .processValues(SourcePosition::new, Named.as("remember-source-position"))
        .repartition(
            Repartitioned.with(Serdes.String(), Serdes.ByteArray())
                .withName(OUTLET_REPARTITION)
                .withStreamPartitioner(new OutletPartitioner()));
  }

  /**
   * The story step: every news article goes through one single-partition repartition topic to the
   * task that holds the story window (see {@link StoryStep}); stories go to {@code news.stories}
   * and the articles, now with their {@code storyId}, come back out keyed by article id.
   */
  private static KStream<String, EnrichedArticle> stories(
      KStream<String, EnrichedArticle> news, EnrichSettings settings) {
    Map<String, KStream<String, StoryStep.Out>> out =
        news.repartition(
                Repartitioned.with(Serdes.String(), Topics.ENRICHED.valueSerde())
                    .withName(STORY_REPARTITION)
                    .withNumberOfPartitions(1))
            .processValues(CommitWhenQuiet::new, Named.as("commit-when-quiet-story"))
            .process(
                () -> new StoryStep(settings.stories(), settings.tagger()),
                Named.as(STORY),
                StoryStep.STORE)
            .split(Named.as("route-story-"))
            .branch((k, v) -> v.story() != null, Branched.as("stories"))
            .defaultBranch(Branched.as("articles"));
    out.get("route-story-stories")
        .mapValues(StoryStep.Out::story, Named.as("unwrap-story"))
        .to(
            Topics.STORIES.name(),
            Produced.with(Serdes.String(), Topics.STORIES.valueSerde()).withName("write-stories"));
    return out.get("route-story-articles")
        .mapValues(StoryStep.Out::article, Named.as("unwrap-storied-article"));
  }

  static RawArticle decode(byte[] bytes) throws Rejected {
    if (bytes == null || bytes.length == 0) {
      throw new Rejected("empty record value", null);
    }
    try {
      return Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), bytes);
    } catch (RuntimeException e) {
      throw new Rejected("value is not a RawArticle record: " + e.getMessage(), e);
    }
  }

  static Extracted extract(ArticleExtractor extractor, RawArticle raw) throws Rejected {
    byte[] body = new byte[raw.getBody().remaining()];
    raw.getBody().duplicate().get(body);
    try {
      return new Extracted(
          raw, extractor.extract(body, raw.getCharset(), raw.getContentType(), raw.getSource()));
    } catch (ExtractionException e) {
      throw new Rejected(e.getMessage(), null);
    }
  }

  static EnrichedArticle tag(Tagger tagger, Extracted in) throws Rejected {
    Extraction x = in.extraction();
    String found = x.language() != null ? x.language() : LanguageDetector.detect(x.text());
    String language = LanguageDetector.orHint(found, in.raw().getLanguage());
    List<Tag> tags;
    try {
      tags = tagger.tag(x.title() == null ? "" : x.title(), x.text(), language);
    } catch (TaggingTimeoutException e) {
      throw new Rejected(e.getMessage(), e);
    }
    return Records.enriched(in.raw(), x, language, tags, tagger.version());
  }

  /** Whether a record's page kind is published as news (an unknown label counts as article). */
  static boolean isNews(EnrichSettings settings, EnrichedArticle a) {
    return settings.newsKinds().contains(PageKind.of(a.getPageKind()));
  }

  private static boolean hasTopic(EnrichedArticle a, String name) {
    return a.getTopics().stream().anyMatch(t -> t.getName().equals(name));
  }
}
