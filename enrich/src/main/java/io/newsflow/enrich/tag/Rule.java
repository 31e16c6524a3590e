package io.newsflow.enrich.tag;

import java.util.List;
import java.util.Set;

/**
 * One weighted cue of a topic, compiled from the taxonomy file.
 *
 * @param id the rule's name in the taxonomy, reported as {@link Match#rule()}
 * @param languages languages the cue applies to; empty means all
 * @param weight what one firing adds to the topic's total (may be negative: a counter-cue)
 * @param maxCount how many separate firings count (at least 1)
 * @param cue the pattern over folded text; its match is the evidence phrase
 * @param all contexts that must all occur around the cue
 * @param none contexts that veto the cue when any occurs
 * @param distinct when not null, the cue's sentence must name at least this many different entities
 * @param fields the fields the cue is looked for in ({@code title}, {@code text})
 */
record Rule(
    String id,
    Set<String> languages,
    double weight,
    int maxCount,
    Cue cue,
    List<Condition> all,
    List<Condition> none,
    Distinct distinct,
    Set<String> fields) {

  /** Requires {@code min} different keys of entity type {@code entity} in the cue's sentence. */
  record Distinct(String entity, int min) {}

  boolean appliesTo(String language) {
    return language == null || languages.isEmpty() || languages.contains(language);
  }
}
