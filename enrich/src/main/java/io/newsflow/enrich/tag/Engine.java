package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/** Scores one topic against a prepared article. Stateless; shared by all threads. */
final class Engine {
  /** At most this many evidence phrases per tag, strongest rules first. */
  static final int MAX_EVIDENCE = 8;

  private Engine() {}

  /** Returns the tag, or null when the topic's firing weights stay below its threshold. */
  static Tag score(Topic topic, Field[] fields, String language) {
    double total = 0;
    List<Firing> firings = new ArrayList<>();
    for (Rule rule : topic.rules()) {
      if (!rule.appliesTo(language)) {
        continue;
      }
      int count = 0;
      for (Field f : fields) {
        if (f != null && rule.fields().contains(f.name)) {
          count += fire(rule, f, firings, rule.maxCount() - count);
        }
        if (count >= rule.maxCount()) {
          break;
        }
      }
      total += rule.weight() * count;
    }
    if (total < topic.threshold() || firings.isEmpty()) {
      return null;
    }
    double score = 1 - Math.pow(0.5, total / topic.threshold());
    return new Tag(topic.name(), score, evidence(firings));
  }

  private static int fire(Rule rule, Field f, List<Firing> firings, int budget) {
    Matcher m = rule.cue().matcher(f.folded);
    int count = 0;
    int lastSentence = -1;
    while (count < budget && m.find()) {
      int s = f.sentenceStart(m.start());
      if (s == lastSentence) {
        continue;
      }
      int e = f.sentenceEnd(m.start());
      List<Match> context = contextOf(rule, f, s, e, m.start(), m.end());
      if (context == null) {
        continue;
      }
      lastSentence = s;
      count++;
      if (rule.weight() > 0) {
        firings.add(new Firing(rule, match(f, m.start(), m.end(), rule.id()), context));
      }
    }
    return count;
  }

  /** The context phrases that let the cue fire, or null when a context is missing or a veto occurs. */
  private static List<Match> contextOf(Rule rule, Field f, int s, int e, int cs, int ce) {
    for (Condition c : rule.none()) {
      if (c.find(f.folded, s, e, cs, ce) != null) {
        return null;
      }
    }
    if (rule.distinct() != null && f.distinctEntities(rule.distinct().entity(), s, e) < rule.distinct().min()) {
      return null;
    }
    List<Match> out = rule.all().isEmpty() ? List.of() : new ArrayList<>(rule.all().size());
    for (Condition c : rule.all()) {
      Matcher hit = c.find(f.folded, s, e, cs, ce);
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
    out.sort(Comparator.comparing((Match x) -> !x.field().equals("title")).thenComparingInt(Match::start));
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
