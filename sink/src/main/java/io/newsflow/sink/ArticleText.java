package io.newsflow.sink;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Evidence;
import io.newsflow.schemas.TopicTag;
import java.util.Locale;

/** An enriched article as a few readable lines (what {@code newsflow tail} prints). Pure. */
public final class ArticleText {
  private static final int EVIDENCE_SHOWN = 3;

  private ArticleText() {}

  /**
   * Title; outlet, time, language, id and version; then one line per tag with its score and up to
   * three pieces of evidence (phrase, field and position, rule).
   */
  public static String format(EnrichedArticle a) {
    StringBuilder b = new StringBuilder();
    b.append(a.getTitle() == null ? "(no title)" : a.getTitle()).append('\n');
    b.append("  ").append(a.getOutlet() == null ? "(unknown outlet)" : a.getOutlet());
    b.append(" | ")
        .append(a.getPublished() != null ? a.getPublished() : "fetched " + a.getFetchedAt());
    if (a.getLanguage() != null) {
      b.append(" | ").append(a.getLanguage());
    }
    b.append(" | id ").append(a.getId()).append(" v").append(a.getVersion()).append('\n');
    if (a.getTopics().isEmpty()) {
      b.append("  tags: none\n");
    }
    for (TopicTag t : a.getTopics()) {
      b.append("  tag ")
          .append(t.getName())
          .append(String.format(Locale.ROOT, " %.2f", t.getScore()));
      int shown = 0;
      for (Evidence e : t.getEvidence()) {
        if (shown++ == EVIDENCE_SHOWN) {
          b.append(" (+").append(t.getEvidence().size() - EVIDENCE_SHOWN).append(" more)");
          break;
        }
        b.append(shown == 1 ? ": " : "; ")
            .append('"')
            .append(e.getPhrase())
            .append('"')
            .append(" [")
            .append(e.getField())
            .append(' ')
            .append(e.getStart())
            .append('-')
            .append(e.getEnd());
        if (!e.getRule().isEmpty()) {
          b.append(", ").append(e.getRule());
        }
        b.append(']');
      }
      b.append('\n');
    }
    return b.toString();
  }
}
