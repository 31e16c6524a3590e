package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Article-level features of one topic's firings: where the evidence stands (title, lead, rest of
 * the body), how much of the article carries it, how varied it is, and what the sentences around it
 * say about it (a historical aside, a state's own forces at home, a hypothetical). A topic's
 * trained {@link Model} weighs them into a probability; docs/tagging.md explains each one.
 *
 * <p>The base features are topic-free; taxonomy {@code markers} add two features each: {@code
 * marker.NAME}, the share of the topic's firing sentences in which the marker occurs, and {@code
 * article.NAME}, the share of all the article's sentences in which it occurs.
 */
final class Features {
  /** Sentences of the text, from its start, that count as its lead. */
  static final int LEAD_SENTENCES = 3;

  /** The topic-free features, in vector order; markers follow them. */
  static final List<String> BASE =
      List.of(
          "title",
          "lead",
          "body",
          "total",
          "sentences",
          "density",
          "rules",
          "strong",
          "words",
          "first",
          "entities",
          "other",
          "cooccurrence");

  /**
   * The sign each feature's weight must have, by what it means (+1 more evidence, -1 less; 0
   * either): more or earlier or stronger evidence can only raise the probability, a marker of an
   * aside, a domestic scene, a courtroom, a market story, a work of culture or a hypothetical can
   * only lower it, and cue co-occurrence is weaker evidence than a cue phrase. Training drops a
   * feature whose fitted weight comes out against its sign (a quirk of the training data, not
   * something to carry to unseen articles).
   */
  static int sign(String feature) {
    if (feature.startsWith("marker.") || feature.startsWith("article.")) {
      return -1;
    }
    return switch (feature) {
      case "title", "lead", "body", "total", "sentences", "density", "rules", "strong" -> 1;
      case "words", "first", "cooccurrence" -> -1;
      default -> 0;
    };
  }

  private Features() {}

  /** Every feature name a taxonomy with these markers offers, in vector order. */
  static List<String> names(Map<String, Cue> markers) {
    List<String> out = new ArrayList<>(BASE);
    markers.keySet().forEach(m -> out.add("marker." + m));
    markers.keySet().forEach(m -> out.add("article." + m));
    return out;
  }

  /**
   * The feature vector of {@code a} (which has at least one firing), in the order of {@link
   * #names}.
   *
   * @param otherTotal the largest total of the other topics, relative to their thresholds
   */
  static double[] of(
      Engine.Analysis a, Article article, double otherTotal, Map<String, Cue> markers) {
    double threshold = a.topic().threshold();
    double title = 0;
    double lead = 0;
    double body = 0;
    boolean strong = false;
    Set<String> rules = new HashSet<>();
    Set<Long> sentences = new HashSet<>();
    List<Engine.Firing> distinct = new ArrayList<>();
    Field text = article.fields[1];
    int textSentences = text == null ? 0 : text.sentenceCount();
    double first = 1;
    double all = 0;
    double cooccurring = 0;
    int textFiring = 0;
    for (Engine.Firing fi : a.firings()) {
      double w = fi.rule().weight() / threshold;
      boolean inTitle = fi.field().name.equals("title");
      int index = inTitle ? -1 : fi.field().sentenceIndexOf(fi.sentenceStart());
      if (inTitle) {
        title += w;
        first = 0;
      } else if (index < LEAD_SENTENCES) {
        lead += w;
      } else {
        body += w;
      }
      if (!inTitle && textSentences > 0) {
        first = Math.min(first, (double) fi.field().nonBlankBefore(index) / textSentences);
      }
      strong |= w >= 1;
      all += w;
      cooccurring += fi.rule().distinct() != null ? w : 0;
      rules.add(fi.rule().id());
      long key = ((long) (inTitle ? 0 : 1) << 40) | fi.sentenceStart();
      if (sentences.add(key)) {
        distinct.add(fi);
        textFiring += inTitle ? 0 : 1;
      }
    }
    List<String> markerNames = new ArrayList<>(markers.keySet());
    double[] x = new double[BASE.size() + 2 * markerNames.size()];
    x[0] = Math.min(2, title);
    x[1] = Math.min(2, lead);
    x[2] = Math.min(3, body);
    x[3] = Math.min(3, a.total() / threshold);
    x[4] = Math.log1p(sentences.size());
    x[5] = textSentences == 0 ? 0 : Math.min(1, (double) textFiring / textSentences);
    x[6] = Math.min(4, rules.size());
    x[7] = strong ? 1 : 0;
    x[8] = text == null ? 0 : Math.log1p(text.wordStarts.length);
    x[9] = first;
    x[10] = Math.log1p(entities(article));
    x[11] = Math.min(2, otherTotal);
    x[12] = all == 0 ? 0 : cooccurring / all;
    for (int m = 0; m < markerNames.size(); m++) {
      Condition c = new Condition(markers.get(markerNames.get(m)), null, 0);
      int with = 0;
      for (Engine.Firing fi : distinct) {
        if (c.find(fi.field(), fi.sentenceStart(), fi.sentenceEnd(), 0, 0) != null) {
          with++;
        }
      }
      x[BASE.size() + m] = distinct.isEmpty() ? 0 : (double) with / distinct.size();
      x[BASE.size() + markerNames.size() + m] =
          share(markers.get(markerNames.get(m)), article, textSentences);
    }
    return x;
  }

  /**
   * The share of the article's sentences (the title counting as one) in which {@code marker}
   * occurs: what the article as a whole is about, beside the topic's own sentences.
   */
  private static double share(Cue marker, Article article, int textSentences) {
    int with = 0;
    int[] word = new int[1];
    for (Field f : article.fields) {
      if (f == null) {
        continue;
      }
      int len = f.folded.length();
      int k = 0;
      java.util.regex.Matcher m;
      while ((m = marker.next(f, k, len, len, word)) != null) {
        with++;
        k = Math.max(word[0] + 1, f.wordAtOrAfter(f.sentenceEnd(m.start())));
      }
    }
    int sentences = textSentences + (article.fields[0] == null ? 0 : 1);
    return sentences == 0 ? 0 : Math.min(1, (double) with / sentences);
  }

  /** How many different entities (of every gazetteer type) the title and text name. */
  private static int entities(Article article) {
    int n = 0;
    for (String type : article.entityTypes()) {
      BitSet seen = new BitSet();
      for (Field f : article.fields) {
        if (f != null) {
          f.entityMentions(type, 0, f.folded.length(), seen);
        }
      }
      n += seen.cardinality();
    }
    return n;
  }
}
