package io.newsflow.enrich.story;

import java.util.HashMap;
import java.util.Map;

/** Which story was merged into which, so that any old story id resolves to the one standing. */
public final class MergeLog {
  private final Map<String, String> into = new HashMap<>();

  /** Records that {@code from} was merged into {@code to}. */
  public void merged(String from, String to) {
    if (!from.equals(to)) {
      into.put(from, to);
    }
  }

  /** The story standing for {@code id} now: itself unless it was merged, then the end of chain. */
  public String resolve(String id) {
    String s = id;
    for (int hops = 0; hops <= into.size(); hops++) {
      String next = into.get(s);
      if (next == null) {
        return s;
      }
      s = next;
    }
    throw new IllegalStateException("merge cycle at story " + id);
  }

  public int size() {
    return into.size();
  }
}
