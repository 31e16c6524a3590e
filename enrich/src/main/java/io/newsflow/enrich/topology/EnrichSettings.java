package io.newsflow.enrich.topology;

import io.newsflow.enrich.story.StorySettings;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.text.ExtractorSettings;
import io.newsflow.enrich.text.PageKind;
import io.newsflow.enrich.text.learn.OutletLineLearner;
import java.util.Objects;
import java.util.Set;

/**
 * Typed configuration of the enrich topology.
 *
 * @param extractor extractor settings (size cap, ...)
 * @param tagger the tagger, loaded from a taxonomy; its topic names fix the per-topic outputs
 * @param learner when a line recurring across an outlet's articles counts as its boilerplate
 * @param newsKinds the page kinds published as news (to {@code news.enriched}, {@code
 *     news.articles} and the topic streams); every other kind goes to {@code news.pages}. Not
 *     empty; {@link #DEFAULT_NEWS_KINDS} unless the user opts in to more.
 * @param stories how the story step groups articles (window, bound, thresholds)
 */
public record EnrichSettings(
    ExtractorSettings extractor,
    Tagger tagger,
    OutletLineLearner.Settings learner,
    Set<PageKind> newsKinds,
    StorySettings stories) {
  /** Articles and live blogs. */
  public static final Set<PageKind> DEFAULT_NEWS_KINDS =
      Set.of(PageKind.ARTICLE, PageKind.LIVEBLOG);

  public EnrichSettings {
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(tagger, "tagger");
    Objects.requireNonNull(learner, "learner");
    newsKinds = Set.copyOf(Objects.requireNonNull(newsKinds, "newsKinds"));
    if (newsKinds.isEmpty()) {
      throw new IllegalArgumentException("newsKinds is empty: no page would be published as news");
    }
    Objects.requireNonNull(stories, "stories");
  }

  public EnrichSettings(
      ExtractorSettings extractor,
      Tagger tagger,
      OutletLineLearner.Settings learner,
      Set<PageKind> newsKinds) {
    this(extractor, tagger, learner, newsKinds, StorySettings.defaults());
  }

  public EnrichSettings(
      ExtractorSettings extractor, Tagger tagger, OutletLineLearner.Settings learner) {
    this(extractor, tagger, learner, DEFAULT_NEWS_KINDS);
  }

  public EnrichSettings(ExtractorSettings extractor, Tagger tagger) {
    this(extractor, tagger, OutletLineLearner.Settings.defaults());
  }

  /** The same settings with other kinds published as news. */
  public EnrichSettings withNewsKinds(Set<PageKind> kinds) {
    return new EnrichSettings(extractor, tagger, learner, kinds, stories);
  }

  /** The same settings with another story step configuration. */
  public EnrichSettings withStories(StorySettings s) {
    return new EnrichSettings(extractor, tagger, learner, newsKinds, s);
  }

  public static EnrichSettings defaults() {
    return new EnrichSettings(ExtractorSettings.defaults(), Tagger.loadDefault());
  }
}
