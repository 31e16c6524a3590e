package io.newsflow.enrich.tag;

import java.util.List;

/**
 * A topic as the taxonomy defines it: tagged when the weights of its firing rules reach {@code
 * threshold}.
 */
record Topic(String name, String description, double threshold, List<Rule> rules) {}
