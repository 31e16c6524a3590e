package io.newsflow.enrich.topology;

import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.text.ExtractorSettings;
import io.newsflow.enrich.text.learn.OutletLineLearner;
import java.util.Objects;

/**
 * Typed configuration of the enrich topology.
 *
 * @param extractor extractor settings (size cap, ...)
 * @param tagger the tagger, loaded from a taxonomy; its topic names fix the per-topic outputs
 * @param learner when a line recurring across an outlet's articles counts as its boilerplate
 */
public record EnrichSettings(
    ExtractorSettings extractor, Tagger tagger, OutletLineLearner.Settings learner) {
  public EnrichSettings {
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(tagger, "tagger");
    Objects.requireNonNull(learner, "learner");
  }

  public EnrichSettings(ExtractorSettings extractor, Tagger tagger) {
    this(extractor, tagger, OutletLineLearner.Settings.defaults());
  }

  public static EnrichSettings defaults() {
    return new EnrichSettings(ExtractorSettings.defaults(), Tagger.loadDefault());
  }
}
