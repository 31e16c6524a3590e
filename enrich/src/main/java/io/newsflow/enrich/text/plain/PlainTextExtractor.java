package io.newsflow.enrich.text.plain;

import io.newsflow.enrich.text.BoilerplateRules;
import io.newsflow.enrich.text.Datelines;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.LanguageDetector;
import io.newsflow.enrich.text.Removed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

  private PlainTextExtractor() {}

  /** Extracts the story from scraped text. */
  public static Extraction extract(String text) {
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
    int first = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (verdict[i] == null && isStory(lines.get(i))) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    String title = findTitle(lines, verdict, first < 0 ? n : first);
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
    String dateline = Datelines.find(paragraphs);
    String language = LanguageDetector.detect(String.join(" ", paragraphs));
    return new Extraction(
        title, paragraphs, removed, language, null, null, List.of(), dateline, null, null, null);
  }

  /** A story line: long, or a sentence of several words. */
  static boolean isStory(String line) {
    return line.length() >= LONG_LINE || (SENTENCE_END.matcher(line).matches() && words(line) >= 5);
  }

  /** The longest headline-shaped line of four words or more before the story starts. */
  private static String findTitle(List<String> lines, String[] verdict, int first) {
    String best = null;
    for (int i = 0; i < first; i++) {
      String l = lines.get(i);
      if (verdict[i] == null
          && words(l) >= MASTHEAD_WORDS
          && l.length() <= 250
          && (best == null || l.length() > best.length())) {
        best = l;
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
