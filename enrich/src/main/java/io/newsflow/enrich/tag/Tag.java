package io.newsflow.enrich.tag;

import java.util.List;

/**
 * A topic assigned to an article.
 *
 * @param name topic name from the taxonomy
 * @param score confidence in [0, 1]
 * @param evidence supporting phrases, in order of position
 */
public record Tag(String name, double score, List<Match> evidence) {
  public Tag {
    evidence = List.copyOf(evidence);
  }
}
