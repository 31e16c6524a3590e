package io.newsflow.schemas;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The one catalogue of newsflow's topics. Keys are article ids (UTF-8 strings). */
public final class Topics {
  /** Articles as ingest obtained them. */
  public static final TopicSpec<String, RawArticle> RAW =
      new TopicSpec<>("news.raw", Serdes.String(), new AvroSerde<>(RawArticle.class), false);

  /** Every enriched article. */
  public static final TopicSpec<String, EnrichedArticle> ENRICHED =
      new TopicSpec<>(
          "news.enriched", Serdes.String(), new AvroSerde<>(EnrichedArticle.class), false);

  /**
   * The latest version of every article (compacted; key = id). A null value (tombstone) says the
   * article was taken down.
   */
  public static final TopicSpec<String, EnrichedArticle> ARTICLES =
      new TopicSpec<>("news.articles", Serdes.String(), ENRICHED.valueSerde(), true);

  /**
   * Pages that are not news (section fronts, tag pages, product and service pages, videos…),
   * enriched like articles and marked with their {@code pageKind}; kept here so nothing is lost and
   * users can opt in. Key = id.
   */
  public static final TopicSpec<String, EnrichedArticle> PAGES =
      new TopicSpec<>("news.pages", Serdes.String(), ENRICHED.valueSerde(), false);

  /** Records some stage could not process, with the reason and the original bytes. */
  public static final TopicSpec<String, DeadLetter> DLQ =
      new TopicSpec<>("news.dlq", Serdes.String(), new AvroSerde<>(DeadLetter.class), false);

  /**
   * One record per story (compacted; key = story id): the story as it stands, with its articles,
   * outlets and tag counts. A story merged into another carries {@code mergedInto}.
   */
  public static final TopicSpec<String, Story> STORIES =
      new TopicSpec<>("news.stories", Serdes.String(), new AvroSerde<>(Story.class), true);

  /** Prefix of the per-tag topics: {@code news.topic.<name>}. */
  public static final String TAG_PREFIX = "news.topic.";

  private static final Pattern TAG_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,100}");
  private static final Serde<EnrichedArticle> ENRICHED_SERDE = ENRICHED.valueSerde();

  private Topics() {}

  /** The topic that carries every article tagged {@code tagName}. */
  public static TopicSpec<String, EnrichedArticle> forTag(String tagName) {
    Objects.requireNonNull(tagName, "tagName");
    if (!TAG_NAME.matcher(tagName).matches()) {
      throw new IllegalArgumentException(
          "topic name must be lower-case letters, digits, '-' or '_': '" + tagName + "'");
    }
    return new TopicSpec<>(TAG_PREFIX + tagName, Serdes.String(), ENRICHED_SERDE, false);
  }

  /** The fixed topics (the per-tag ones depend on the taxonomy). */
  public static List<TopicSpec<String, ?>> fixed() {
    return List.of(RAW, ENRICHED, ARTICLES, PAGES, DLQ, STORIES);
  }
}
