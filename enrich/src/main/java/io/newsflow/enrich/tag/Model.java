package io.newsflow.enrich.tag;

import java.util.List;

/**
 * A topic's trained article-level model: logistic regression over {@link Features}, so its output
 * is a probability that the article is about the topic. The taxonomy file holds it (the topic's
 * {@code model} entry), written by {@link ModelTraining}; a topic without one is decided by its
 * rule threshold.
 *
 * @param features feature names, in the order of {@code weights}
 * @param weights one weight per feature
 * @param bias the intercept
 * @param threshold the probability at and above which the topic is assigned
 * @param index for each feature, its position in the taxonomy's feature vector
 */
record Model(List<String> features, double[] weights, double bias, double threshold, int[] index) {

  /** The probability that an article with feature vector {@code x} is about the topic. */
  double probability(double[] x) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * x[index[i]];
    }
    return 1 / (1 + Math.exp(-z));
  }
}
