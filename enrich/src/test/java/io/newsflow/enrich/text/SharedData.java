package io.newsflow.enrich.text;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared (seeds, benchmark) from wherever the tests run: module dir or project root. */
public final class SharedData {
  private SharedData() {}

  /** The shared/ folder beside the project, or null when it is not there. */
  public static Path sharedDir() {
    String override = System.getenv("NEWSFLOW_SHARED");
    if (override != null && Files.isDirectory(Path.of(override))) {
      return Path.of(override);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared");
      if (Files.isDirectory(candidate.resolve("seeds"))) {
        return candidate;
      }
    }
    return null;
  }
}
