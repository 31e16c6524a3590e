package io.newsflow.enrich.tag;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One field of an article prepared for matching: folded text, boilerplate lines blanked out,
 * sentence boundaries, and entity mentions (scanned on first use).
 */
final class Field {
  final String name;
  final String original;
  final String folded;
  private final int[] sentenceStarts;
  private final Map<String, EntityLexicon> lexicons;
  private final Map<String, EntityLexicon.Hits> hits = new HashMap<>(4);

  Field(String name, String original, List<Pattern> boilerplate, Map<String, EntityLexicon> lexicons) {
    this.name = name;
    this.original = original;
    this.folded = Boilerplate.blank(Folding.fold(original), boilerplate);
    this.sentenceStarts = Sentences.starts(folded);
    this.lexicons = lexicons;
  }

  int sentenceStart(int pos) {
    return sentenceStarts[sentenceIndex(pos)];
  }

  int sentenceEnd(int pos) {
    int i = sentenceIndex(pos);
    return i + 1 < sentenceStarts.length ? sentenceStarts[i + 1] : folded.length();
  }

  private int sentenceIndex(int pos) {
    int i = Arrays.binarySearch(sentenceStarts, pos);
    return i >= 0 ? i : -i - 2;
  }

  int distinctEntities(String type, int from, int to) {
    EntityLexicon.Hits h = hits.computeIfAbsent(type, t -> lexicons.get(t).scan(folded));
    return h.distinctBetween(from, to);
  }
}
