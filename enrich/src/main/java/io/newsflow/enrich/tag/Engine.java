package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/** Scores one topic against a prepared article. Stateless; shared by all threads. */
final class Engine {
  /** At most this many evidence phrases per tag, strongest rules first. */
  static final int MAX_EVIDENCE = 8;

  /** Firings of a rule beyond its maxCount still found for evidence (they add no weight). */
  private static final int EXTRA_EVIDENCE = 1;

  private Engine() {}

  /** Returns the tag, or null when the topic's firing weights stay below its threshold. */
  static Tag score(Topic topic, Article article) {
    Field[] fields = article.fields;
    double total = 0;
    List<Firing> firings = new ArrayList<>();
    for (Rule rule : topic.rules()) {
      int count = 0;
      for (Field f : fields) {
        if (f != null && rule.fields().contains(f.name)) {
          int n = fire(rule, f, firings, rule.maxCount() + EXTRA_EVIDENCE - count, article);
          if (n < 0) {
            break;
          }
          count += n;
        }
        if (count >= rule.maxCount() + EXTRA_EVIDENCE) {
          break;
        }
      }
      total += rule.weight() * Math.min(count, rule.maxCount());
    }
    if (total < topic.threshold() || firings.isEmpty()) {
      return null;
    }
    double score = 1 - Math.pow(0.5, total / topic.threshold());
    return new Tag(topic.name(), score, evidence(firings));
  }

  /**
   * Counts the rule's firings in {@code f}; -1 when the rule does not apply to the article's
   * language.
   */
  private static int fire(Rule rule, Field f, List<Firing> firings, int budget, Article article) {
    int count = 0;
    int lastSentence = -1;
    int len = f.folded.length();
    int[] word = new int[1];
    int k = 0;
    Matcher m;
    while (count < budget && (m = rule.cue().next(f, k, len, len, word)) != null) {
      int start = m.start();
      int end = m.end();
      // the language is detected only when a language-specific cue first matches
      if (!rule.languages().isEmpty() && !rule.appliesTo(article.language())) {
        return -1;
      }
      k = Math.max(word[0] + 1, f.wordAtOrAfter(end));
      int s = f.sentenceStart(start);
      if (s == lastSentence) {
        continue;
      }
      int e = f.sentenceEnd(start);
      List<Match> context = contextOf(rule, f, s, e, start, end);
      if (context == null) {
        continue;
      }
      lastSentence = s;
      count++;
      if (rule.weight() > 0) {
        firings.add(new Firing(rule, match(f, start, end, rule.id()), context));
      }
    }
    return count;
  }

  /**
   * The context phrases that let the cue fire, or null when a context is missing or a veto occurs.
   */
  private static List<Match> contextOf(Rule rule, Field f, int s, int e, int cs, int ce) {
    for (Condition c : rule.none()) {
      if (c.find(f, s, e, cs, ce) != null) {
        return null;
      }
    }
    List<Match> out = new ArrayList<>(rule.all().size() + 2);
    if (rule.distinct() != null) {
      List<int[]> mentions = f.entityMentions(rule.distinct().entity(), s, e);
      if (mentions.size() < rule.distinct().min()) {
        return null;
      }
      for (int[] at : mentions) {
        out.add(match(f, at[0], at[1], rule.id() + ":" + rule.distinct().entity()));
      }
    }
    for (Condition c : rule.all()) {
      Matcher hit = c.find(f, s, e, cs, ce);
      if (hit == null) {
        return null;
      }
      if (hit.end() <= cs || hit.start() >= ce) {
        out.add(match(f, hit.start(), hit.end(), rule.id() + ":context"));
      }
    }
    return out;
  }

  private static Match match(Field f, int start, int end, String rule) {
    return new Match(f.original.substring(start, end), f.name, start, end, rule);
  }

  private static List<Match> evidence(List<Firing> firings) {
    firings.sort(Comparator.comparingDouble((Firing x) -> -x.rule.weight()));
    List<Match> out = new ArrayList<>();
    for (Firing fi : firings) {
      if (out.size() >= MAX_EVIDENCE) {
        break;
      }
      addOnce(out, fi.cue);
      fi.context.forEach(c -> addOnce(out, c));
    }
    out.sort(
        Comparator.comparing((Match x) -> !x.field().equals("title"))
            .thenComparingInt(Match::start));
    return out;
  }

  private static void addOnce(List<Match> out, Match m) {
    for (Match o : out) {
      if (o.field().equals(m.field()) && o.start() == m.start() && o.end() == m.end()) {
        return;
      }
    }
    out.add(m);
  }

  private record Firing(Rule rule, Match cue, List<Match> context) {}
}
