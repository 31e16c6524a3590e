package io.newsflow.enrich.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses an article's language from its most frequent function words. Cheap (one pass over at most
 * the first 4,000 characters) and good enough to choose between the languages the taggers know;
 * returns null when no language wins clearly.
 */
public final class LanguageDetector {
  private static final int SAMPLE_CHARS = 4000;
  private static final int MIN_HITS = 3;

  private static final Map<String, Set<String>> STOPWORDS =
      Map.of(
          "en",
              Set.of(
                  "the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on",
                  "said", "by", "his", "her", "have", "are", "this", "from"),
          "es",
              Set.of(
                  "el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "un", "una",
                  "con", "para", "su", "al", "es", "lo", "como"),
          // words English also uses a lot ("a", "as", "do", "no") are left out, so short English
          // items are not taken for Portuguese
          "pt",
              Set.of(
                  "o", "de", "que", "e", "da", "em", "os", "um", "uma", "para", "com", "não", "na",
                  "dos", "das", "ao", "pelo", "pela", "mais", "foi"),
          "fr",
              Set.of(
                  "le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "que", "est",
                  "pour", "dans", "qui", "au", "sur", "pas", "par", "avec"),
          "de",
              Set.of(
                  "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf",
                  "für", "ist", "im", "dem", "nicht", "ein", "eine", "als"),
          "it",
              Set.of(
                  "il", "di", "che", "e", "la", "per", "un", "in", "del", "della", "non", "una",
                  "sono", "gli", "le", "dei", "nel", "con", "alla", "si"));

  private LanguageDetector() {}

  /**
   * The language to record for an article: {@code found} (what the page declares, or a confident
   * detection) when there is one, else the primary subtag of {@code hint} (the language its outlet
   * is expected to write in, a BCP 47 tag such as "pt-BR"), lower case; null when neither gives a
   * language. A hint never overrides the text: outlets publish in more than one language.
   */
  public static String orHint(String found, String hint) {
    if (found != null || hint == null) {
      return found;
    }
    String primary = hint.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    return primary.matches("[a-z]{2,3}") ? primary : null;
  }

  /** Returns an ISO 639-1 code, or null when the text is too short or no language wins clearly. */
  public static String detect(CharSequence text) {
    if (text == null) {
      return null;
    }
    Map<String, Integer> hits = new HashMap<>();
    int limit = Math.min(text.length(), SAMPLE_CHARS);
    int i = 0;
    while (i < limit) {
      while (i < limit && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < limit && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i > start && i - start <= 7) {
        String word = text.subSequence(start, i).toString().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Set<String>> e : STOPWORDS.entrySet()) {
          if (e.getValue().contains(word)) {
            hits.merge(e.getKey(), 1, Integer::sum);
          }
        }
      }
    }
    String best = null;
    int bestHits = 0;
    int second = 0;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() > bestHits) {
        second = bestHits;
        bestHits = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    return bestHits >= MIN_HITS && bestHits > second * 1.2 ? best : null;
  }
}
