package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tags articles with topics. Pure and thread-safe. (Skeleton: keyword cues; issue 4 replaces it.) */
public final class Tagger {
  private static final String VERSION = "0.0.1-skeleton";

  public static Tagger loadDefault() {
    return new Tagger();
  }

  public String version() {
    return VERSION;
  }

  public Set<String> topicNames() {
    return Set.of("sovereignty", "intervention");
  }

  /** Tags an article from its title and clean body; {@code language} may be null. */
  public List<Tag> tag(String title, String text, String language) {
    List<Tag> tags = new ArrayList<>();
    addIfFound(tags, "sovereignty", text, "sovereign", "soberan");
    addIfFound(tags, "intervention", text, "intervention", "intervenci", "troops");
    return tags;
  }

  private static void addIfFound(List<Tag> tags, String name, String text, String... cues) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<Match> evidence = new ArrayList<>();
    for (String cue : cues) {
      int at = lower.indexOf(cue);
      if (at >= 0) {
        evidence.add(new Match(text.substring(at, at + cue.length()), "text", at, at + cue.length(), cue));
      }
    }
    if (!evidence.isEmpty()) {
      tags.add(new Tag(name, 1.0, evidence));
    }
  }
}
