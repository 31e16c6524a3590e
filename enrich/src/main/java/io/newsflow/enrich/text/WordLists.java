package io.newsflow.enrich.text;

import java.util.Set;

/** Word lists written as one "|"-separated string, so that long lists stay readable. */
final class WordLists {
  private WordLists() {}

  /** The entries of a "a|b c|d" list, lower case as written; duplicates fail fast. */
  static Set<String> of(String barSeparated) {
    return Set.of(barSeparated.split("\\|"));
  }
}
