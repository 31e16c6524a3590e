package io.newsflow.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the team's shared data ({@code ../shared} beside the repository): the seed corpus and the
 * development sets. {@code NEWSFLOW_SHARED} overrides the search.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder; fails with a clear message when it cannot be found. */
  public static Path root() {
    String env = System.getenv("NEWSFLOW_SHARED");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared");
      if (Files.isDirectory(candidate.resolve("seeds"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "cannot find ../shared (with seeds/) above "
            + Path.of("").toAbsolutePath()
            + "; set NEWSFLOW_SHARED");
  }

  /** The seed corpus: five scraped articles with their boilerplate. */
  public static Path seeds() {
    return root().resolve("seeds");
  }
}
