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
 *     (with {@link Distinct#adjacent()}, a neighbouring sentence of the same paragraph may add
 *     some)
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

  /**
   * Requires {@code min} different keys of entity type {@code entity} in the cue's sentence. When
   * {@code adjacent > 0} and the sentence names at least one, the keys named in up to {@code
   * adjacent} sentences before and after it count too, provided those sentences are in the same
   * paragraph, report an act of their own (the rule's cue matches there) and no veto of the rule
   * occurs in them.
   */
  record Distinct(String entity, int min, int adjacent) {}

  boolean appliesTo(String language) {
    return language == null || languages.isEmpty() || languages.contains(language);
  }
}
