package io.newsflow.enrich.topology;

import io.newsflow.enrich.story.Assignment;
import io.newsflow.enrich.story.Places;
import io.newsflow.enrich.story.StoryArticle;
import io.newsflow.enrich.story.StoryClusterer;
import io.newsflow.enrich.story.StorySettings;
import io.newsflow.enrich.story.StorySnapshot;
import io.newsflow.enrich.story.StoryState;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Story;
import io.newsflow.schemas.StoryMember;
import io.newsflow.schemas.TopicTag;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns each article to a story with the pure {@link StoryClusterer} and forwards the article
 * with its {@code storyId} and {@code duplicateOf}, then every story whose state changed. The
 * clusterer's window lives in the heap; every change to it goes to a changelogged store ({@link
 * #STORE}, a {@link ReadOnceStore}) after every article and is read back once when the task starts,
 * so it survives restarts and moves with the task. The topology feeds this step from a
 * single-partition repartition topic: one task sees every article, so the stories of articles from
 * any outlet and any input partition meet.
 */
final class StoryStep implements Processor<String, EnrichedArticle, String, StoryStep.Out> {
  static final String STORE = "story-window";

  /** What the step forwards: an article (key = article id) or a story (key = story id). */
  record Out(EnrichedArticle article, Story story) {}

  private static final Logger LOG = LoggerFactory.getLogger(StoryStep.class);
  private static final String STORY = "s:";

  /** The document-frequency table's records: checkpoint header and parts, one log record each. */
  private static final String TERMS = "d:";

  /** The previous layout's per-term counts (read, then replaced by a checkpoint). */
  private static final String OLD_TERM = "t:";

  private static final String META = "m";

  private final StorySettings settings;
  private final Places places;
  private ProcessorContext<String, Out> context;
  private KeyValueStore<String, byte[]> store;
  private StoryClusterer clusterer;
  private StoryState state;

  StoryStep(StorySettings settings, Tagger tagger) {
    this.settings = settings;
    this.places = Places.countries(tagger);
  }

  @Override
  public void init(ProcessorContext<String, Out> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
    this.clusterer = new StoryClusterer(settings, places).keepChanges();
    this.state = new StoreState(store);
    restore();
    // the window is in the clusterer now; the store keeps writing changes to its changelog only
    ReadOnceStore.release(store);
  }

  private void restore() {
    byte[] meta = store.get(META);
    List<byte[]> stories = new ArrayList<>();
    Map<String, byte[]> termRecords = new HashMap<>();
    List<Map.Entry<String, Integer>> oldTerms = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> kv = all.next();
        if (kv.key.startsWith(STORY)) {
          stories.add(kv.value);
        } else if (kv.key.startsWith(TERMS)) {
          termRecords.put(kv.key.substring(TERMS.length()), kv.value);
        } else if (kv.key.startsWith(OLD_TERM)) {
          oldTerms.add(
              new AbstractMap.SimpleImmutableEntry<>(
                  kv.key.substring(OLD_TERM.length()), ByteBuffer.wrap(kv.value).getInt()));
        }
      }
    }
    clusterer.restore(meta, stories, termRecords, oldTerms);
    if (meta != null) {
      LOG.info(
          "story window restored: {} open stories, {} terms ({} term-table records{})",
          stories.size(),
          clusterer.vocabulary(),
          termRecords.size(),
          oldTerms.isEmpty() ? "" : ", " + oldTerms.size() + " per-term counts of the old layout");
    }
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    Assignment a;
    try {
      a = clusterer.assign(storyArticle(article));
      clusterer.drainChanges(state);
    } catch (RuntimeException e) {
      // the article is still good news: publish it without a story rather than lose it
      LOG.error("story step failed on article {}; published without a story", record.key(), e);
      context.forward(record.withValue(new Out(article, null)));
      return;
    }
    EnrichedArticle storied =
        EnrichedArticle.newBuilder(article)
            .setStoryId(a.storyId())
            .setDuplicateOf(a.duplicateOf())
            .build();
    context.forward(record.withValue(new Out(storied, null)));
    for (StorySnapshot s : a.changed()) {
      context.forward(record.withKey(s.id()).withValue(new Out(null, story(s, clusterer))));
    }
  }

  /** The article as the story step reads it. */
  static StoryArticle storyArticle(EnrichedArticle a) {
    return new StoryArticle(
        a.getId(),
        a.getTitle(),
        a.getText(),
        a.getOutlet(),
        StoryArticle.publishedAt(a.getPublished()),
        a.getLanguage(),
        a.getTopics().stream().map(TopicTag::getName).toList());
  }

  /** The record {@code news.stories} carries for a snapshot. */
  static Story story(StorySnapshot s, StoryClusterer c) {
    List<StoryMember> members = new ArrayList<>(s.articles().size());
    for (var a : s.articles()) {
      members.add(
          StoryMember.newBuilder()
              .setArticleId(a.id())
              .setOutlet(a.outlet())
              .setLanguage(a.language())
              .setPublished(iso(a.published()))
              .setDuplicateOf(a.duplicateOf())
              .build());
    }
    return Story.newBuilder()
        .setId(s.id())
        .setTitle(s.title() == null || s.title().isBlank() ? null : s.title())
        .setFirstSeen(iso(s.firstSeen()))
        .setLastSeen(iso(s.lastSeen()))
        .setArticleCount(s.articleCount())
        .setArticles(members)
        .setTags(Map.copyOf(s.tags()))
        .setMergedInto(s.mergedInto())
        .setSequence(c.arrivals())
        .build();
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  /** The clusterer's window in the key-value store, under one prefix per kind of entry. */
  private record StoreState(KeyValueStore<String, byte[]> store) implements StoryState {
    @Override
    public void putStory(String storyId, byte[] bytes) {
      store.put(STORY + storyId, bytes);
    }

    @Override
    public void removeStory(String storyId) {
      store.delete(STORY + storyId);
    }

    @Override
    public void putTerms(String key, byte[] bytes) {
      // a null value deletes; unlike delete() it does not first read the old value
      store.put(TERMS + key, bytes);
    }

    @Override
    public void removeOldTerm(String term) {
      store.put(OLD_TERM + term, null);
    }

    @Override
    public void putMeta(byte[] meta) {
      store.put(META, meta);
    }
  }
}
