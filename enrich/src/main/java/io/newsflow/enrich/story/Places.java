package io.newsflow.enrich.story;

import io.newsflow.enrich.tag.Tagger;
import java.util.Collection;
import java.util.List;

/**
 * Finds the places a text mentions as language-neutral keys ("United States", "EE.UU." and
 * "Washington" all give one key), so that an English and a Spanish report of one event share them.
 */
@FunctionalInterface
public interface Places {
  /** Finds nothing. */
  Places NONE = text -> List.of();

  /** The keys of the places {@code text} mentions, each once. */
  Collection<String> find(String text);

  /**
   * The countries and blocs of a taxonomy's bilingual "country" gazetteer (the tagger's; see
   * docs/tagging.md). Thread-safe, as the tagger is.
   */
  static Places countries(Tagger tagger) {
    return text -> tagger.entities("country", text);
  }
}
