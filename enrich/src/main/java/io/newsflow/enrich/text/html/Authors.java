package io.newsflow.enrich.text.html;

import java.util.List;
import java.util.regex.Pattern;

/** Tests on author names found in markup. Pure. */
final class Authors {
  /** An account name: one token of lower-case letters, digits, dots or underscores. */
  private static final Pattern HANDLE = Pattern.compile("[\\p{Ll}\\d._-]+|\\S*\\d\\S*");

  private Authors() {}

  /**
   * Whether every name is an account name ("jdoe42", "andrew.keaveney") rather than a person's
   * name, so a byline the page shows should be preferred.
   */
  static boolean allHandles(List<String> names) {
    if (names.isEmpty()) {
      return false;
    }
    for (String n : names) {
      if (n.indexOf(' ') >= 0 || !HANDLE.matcher(n).matches()) {
        return false;
      }
    }
    return true;
  }
}
