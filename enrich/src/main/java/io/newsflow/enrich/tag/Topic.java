package io.newsflow.enrich.tag;

import java.util.List;

/**
 * A topic as the taxonomy defines it. Without a model it is tagged when the weights of its firing
 * rules reach {@code threshold}; with one, when the model's probability reaches the model's
 * threshold (the rule threshold then only scales the features).
 */
record Topic(String name, String description, double threshold, List<Rule> rules, Model model) {}
