package io.newsflow.enrich.text.plain;

import io.newsflow.enrich.text.BoilerplateRules;
import io.newsflow.enrich.text.Datelines;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.LanguageDetector;
import io.newsflow.enrich.text.MetaLine;
import io.newsflow.enrich.text.Removed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Classifies each line of text scraped from a page as story or boilerplate.
 *
 * <p>A line is boilerplate when a {@link BoilerplateRules} rule matches it, when it is a short
 * masthead line (site or section name) before the headline, a repeat of the headline, or a
 * headline-shaped line after the story's last sentence (teasers of other stories). Headline-shaped
 * lines between story paragraphs are subheadings and stay. Pure and thread-safe.
 */
public final class PlainTextExtractor {
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…][\"”’»)\\]]*\\s*$");
  private static final int LONG_LINE = 150;
  private static final int MASTHEAD_WORDS = 4;

  /** Byline and date lines count as metadata this many lines into or before the end of a story. */
  private static final int META_ZONE = 3;

  private PlainTextExtractor() {}

  /** Extracts the story from scraped text. */
  public static Extraction extract(String text) {
    return extract(text, null);
  }

  /**
   * Extracts the story and its metadata from scraped text.
   *
   * @param sourceUrl the page's URL, for a date in its path; may be null
   */
  public static Extraction extract(String text, String sourceUrl) {
    List<String> lines = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String l = raw.replace('\u00a0', ' ').strip();
      if (!l.isEmpty()) {
        lines.add(l);
      }
    }
    int n = lines.size();
    String[] verdict = new String[n];
    for (int i = 0; i < n; i++) {
      String rule = BoilerplateRules.match(lines.get(i));
      verdict[i] = rule == null ? null : "rule:" + rule;
    }
    // byline and date lines are read only where they count: around the story's first and last
    // lines, which must not be such lines themselves
    MetaLine[] meta = new MetaLine[n];
    boolean[] metaRead = new boolean[n];
    IntFunction<MetaLine> metaAt =
        i -> {
          if (!metaRead[i]) {
            metaRead[i] = true;
            meta[i] = verdict[i] == null ? MetaLine.read(lines.get(i)) : null;
          }
          return meta[i];
        };
    int first = -1;
    for (int i = 0; i < n && first < 0; i++) {
      first = verdict[i] == null && isStory(lines.get(i)) && metaAt.apply(i) == null ? i : -1;
    }
    int last = -1;
    for (int i = n - 1; i >= 0 && last < 0; i--) {
      last = verdict[i] == null && isStory(lines.get(i)) && metaAt.apply(i) == null ? i : -1;
    }
    markMetaLines(verdict, metaAt, n, first < 0 ? n : first, last);
    int titleAt = findTitle(lines, verdict, first < 0 ? n : first);
    String title = titleAt < 0 ? null : lines.get(titleAt);
    markHead(lines, verdict, first < 0 ? n : first, title);
    markRepeats(lines, verdict, title);
    markTail(lines, verdict, last);
    List<String> paragraphs = new ArrayList<>();
    List<Removed> removed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (verdict[i] == null) {
        paragraphs.add(lines.get(i));
      } else if (!verdict[i].equals("title")) {
        removed.add(new Removed(BoilerplateRules.fold(lines.get(i)), verdict[i]));
      }
    }
    String language = LanguageDetector.detect(String.join(" ", paragraphs));
    return PlainMetadata.extraction(
        new PlainMetadata.Parts(lines, verdict, meta, titleAt, paragraphs, removed, language),
        sourceUrl);
  }

  /**
   * Byline and date lines ("By Jane Doe | Reuters", "Published: 20 November 2026", "Updated 3 hours
   * ago") before the story, within its first lines, or after it are metadata, not story.
   */
  private static void markMetaLines(
      String[] verdict, IntFunction<MetaLine> metaAt, int n, int first, int last) {
    for (int i = 0; i < n; i++) {
      boolean nearEdge = i < first + META_ZONE || i > last - META_ZONE;
      MetaLine m = nearEdge ? metaAt.apply(i) : null;
      if (m != null) {
        verdict[i] = m.byline() ? "rule:byline" : "rule:date";
      }
    }
  }

  /** A story line: long, or a sentence of several words. */
  static boolean isStory(String line) {
    return line.length() >= LONG_LINE || (SENTENCE_END.matcher(line).matches() && words(line) >= 5);
  }

  /**
   * The index of the longest headline-shaped line of four words or more before the story starts, or
   * -1. A line that opens with a dateline is story, not a headline.
   */
  private static int findTitle(List<String> lines, String[] verdict, int first) {
    int best = -1;
    for (int i = 0; i < first; i++) {
      String l = lines.get(i);
      if (verdict[i] == null
          && words(l) >= MASTHEAD_WORDS
          && l.length() <= 250
          && !l.isBlank()
          && (best < 0 || l.length() > lines.get(best).length())
          && Datelines.read(l) == null) {
        best = i;
      }
    }
    return best;
  }

  private static void markHead(List<String> lines, String[] verdict, int first, String title) {
    boolean titleSeen = false;
    for (int i = 0; i < first; i++) {
      if (verdict[i] != null) {
        continue;
      }
      String l = lines.get(i);
      if (!titleSeen && l.equals(title)) {
        verdict[i] = "title";
        titleSeen = true;
      } else if (words(l) < MASTHEAD_WORDS && !SENTENCE_END.matcher(l).matches()) {
        verdict[i] = "rule:masthead";
      }
    }
  }

  private static void markRepeats(List<String> lines, String[] verdict, String title) {
    Set<String> seen = new HashSet<>();
    if (title != null) {
      seen.add(norm(title));
    }
    for (int i = 0; i < lines.size(); i++) {
      if (verdict[i] != null) {
        continue;
      }
      if (!seen.add(norm(lines.get(i)))) {
        verdict[i] = "rule:repeated";
      }
    }
  }

  /** After the story's last sentence, headline-shaped lines are teasers of other stories. */
  private static void markTail(List<String> lines, String[] verdict, int last) {
    if (last < 0) {
      return;
    }
    // a tail marker ("Related Articles", "Trending") with no story after it ends the story there
    for (int i = 0; i <= last; i++) {
      if (verdict[i] != null && BoilerplateRules.isTailMarker(lines.get(i))) {
        boolean storyAfter = false;
        for (int j = i + 1; j <= last && !storyAfter; j++) {
          storyAfter = verdict[j] == null && lines.get(j).length() >= LONG_LINE;
        }
        if (!storyAfter) {
          last = i;
          break;
        }
      }
    }
    for (int i = Math.max(0, last + 1); i < lines.size(); i++) {
      if (verdict[i] == null) {
        verdict[i] = "rule:teaser";
      }
    }
  }

  static int words(String s) {
    int w = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean letter = Character.isLetterOrDigit(s.charAt(i));
      if (letter && !in) {
        w++;
      }
      in = letter;
    }
    return w;
  }

  static String norm(String s) {
    return BoilerplateRules.fold(s)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }
}
