package io.newsflow.enrich.tag;

import java.util.List;

/**
 * A topic assigned to an article.
 *
 * @param name topic name from the taxonomy
 * @param score confidence in [0, 1]: for a topic with a trained model, the model's probability that
 *     the article is about the topic; otherwise a monotone function of the firing cues' weights
 * @param evidence supporting phrases, in order of position
 * @param sentences the sentences that decided the tag (those of the strongest cues), in order of
 *     position; each one's {@code rule} lists the rules that fired in it
 */
public record Tag(String name, double score, List<Match> evidence, List<Match> sentences) {
  public Tag {
    evidence = List.copyOf(evidence);
    sentences = List.copyOf(sentences);
  }

  /** A tag without deciding sentences (user code and tests that build tags by hand). */
  public Tag(String name, double score, List<Match> evidence) {
    this(name, score, evidence, List.of());
  }
}
