package io.newsflow.enrich.topology;

import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.text.ExtractorSettings;
import java.util.Objects;

/**
 * Typed configuration of the enrich topology.
 *
 * @param extractor extractor settings (size cap, ...)
 * @param tagger the tagger, loaded from a taxonomy; its topic names fix the per-topic outputs
 */
public record EnrichSettings(ExtractorSettings extractor, Tagger tagger) {
  public EnrichSettings {
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(tagger, "tagger");
  }

  public static EnrichSettings defaults() {
    return new EnrichSettings(ExtractorSettings.defaults(), Tagger.loadDefault());
  }
}
