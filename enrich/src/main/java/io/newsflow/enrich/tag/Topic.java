package io.newsflow.enrich.tag;

import java.util.List;

/**
 * A topic as the taxonomy defines it. Without a model it is tagged when the weights of its firing
 * rules reach {@code threshold}; with one, the rules propose the topic in the same way and the
 * model keeps it when its probability reaches the model's threshold.
 */
record Topic(String name, String description, double threshold, List<Rule> rules, Model model) {}
