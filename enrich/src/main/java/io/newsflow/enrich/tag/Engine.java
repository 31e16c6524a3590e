package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/** Scores one topic against a prepared article. Stateless; shared by all threads. */
final class Engine {
  /** At most this many evidence phrases per tag, strongest rules first. */
  static final int MAX_EVIDENCE = 8;

  /** Returned by contextOf when no cue match in the sentence can fire. */
  private static final List<Match> SKIP_SENTENCE =
      java.util.Collections.unmodifiableList(new ArrayList<>());

  /** Firings of a rule beyond its maxCount still found for evidence (they add no weight). */
  private static final int EXTRA_EVIDENCE = 1;

  /** Firings kept per rule for the article-level features (they add no weight either). */
  static final int COUNT_BUDGET = 4;

  /** At most this many deciding sentences per tag. */
  static final int MAX_SENTENCES = 3;

  private Engine() {}

  /**
   * Finds every firing of the topic's rules in the article: the rule's weight counts at most {@code
   * maxCount} times towards {@link Analysis#total()}, but up to {@link #COUNT_BUDGET} firings per
   * rule and field are kept, so that the article-level features see how much of the article carries
   * the topic.
   */
  static Analysis analyse(Topic topic, Article article, Field[] fields) {
    double total = 0;
    List<Firing> firings = new ArrayList<>();
    for (Rule rule : topic.rules()) {
      int count = 0;
      int budget = Math.max(COUNT_BUDGET, rule.maxCount() + EXTRA_EVIDENCE);
      for (Field f : fields) {
        if (f != null && rule.fields().contains(f.name)) {
          int n = fire(rule, f, firings, budget - count, article);
          if (n < 0) {
            break;
          }
          count += n;
        }
        if (count >= budget) {
          break;
        }
      }
      total += rule.weight() * Math.min(count, rule.maxCount());
    }
    return new Analysis(topic, article, total, firings);
  }

  /** Do the rules propose the topic: do the firing weights reach the topic's threshold? */
  static boolean proposes(Analysis a) {
    return a.total() >= a.topic().threshold() && !a.firings().isEmpty();
  }

  /** The rule-threshold decision: the tag, or null when the weights stay below the threshold. */
  static Tag score(Analysis a) {
    Topic topic = a.topic();
    if (!proposes(a)) {
      return null;
    }
    double score = 1 - Math.pow(0.5, a.total() / topic.threshold());
    return new Tag(topic.name(), score, evidence(a.firings()), sentences(a.firings()));
  }

  /** A tag with the given (model) score and the analysis' evidence. */
  static Tag tag(Analysis a, double score) {
    return new Tag(a.topic().name(), score, evidence(a.firings()), sentences(a.firings()));
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
      if (context == SKIP_SENTENCE) {
        k = Math.max(k, f.wordAtOrAfter(e));
        continue;
      }
      if (context == null) {
        continue;
      }
      lastSentence = s;
      count++;
      if (rule.weight() > 0) {
        firings.add(new Firing(rule, match(f, start, end, rule.id()), context, f, s, e));
      }
    }
    return count;
  }

  /**
   * The context phrases that let the cue fire; null when a context near the cue is missing or a
   * veto near it occurs; {@link #SKIP_SENTENCE} when a test on the whole sentence fails, so that no
   * other match in the sentence can fire either.
   */
  private static List<Match> contextOf(Rule rule, Field f, int s, int e, int cs, int ce) {
    for (Condition c : rule.none()) {
      if (c.window() <= 0 && c.find(f, s, e, cs, ce) != null) {
        return SKIP_SENTENCE;
      }
    }
    List<Match> out = new ArrayList<>(rule.all().size() + 2);
    if (rule.distinct() != null) {
      List<int[]> mentions = distinctMentions(rule, f, s, cs);
      if (mentions == null) {
        return SKIP_SENTENCE;
      }
      for (int[] at : mentions) {
        out.add(match(f, at[0], at[1], rule.id() + ":" + rule.distinct().entity()));
      }
    }
    for (Condition c : rule.all()) {
      if (c.window() <= 0 && !addContext(rule, f, c.find(f, s, e, cs, ce), cs, ce, out)) {
        return SKIP_SENTENCE;
      }
    }
    for (Condition c : rule.none()) {
      if (c.window() > 0 && c.find(f, s, e, cs, ce) != null) {
        return null;
      }
    }
    for (Condition c : rule.all()) {
      if (c.window() > 0 && !addContext(rule, f, c.find(f, s, e, cs, ce), cs, ce, out)) {
        return null;
      }
    }
    return out;
  }

  /** Adds a context hit outside the cue to the evidence; false when there is no hit. */
  private static boolean addContext(
      Rule rule, Field f, int[] hit, int cs, int ce, List<Match> out) {
    if (hit == null) {
      return false;
    }
    if (hit[1] <= cs || hit[0] >= ce) {
      out.add(match(f, hit[0], hit[1], rule.id() + ":context"));
    }
    return true;
  }

  /**
   * The entity mentions that meet the rule's distinct test for the sentence {@code [s, ...)}, or
   * null when there are too few. A sentence that names at least one entity may add those of its
   * neighbours in the same paragraph, if they report an act of their own that no veto stops.
   */
  private static List<int[]> distinctMentions(Rule rule, Field f, int s, int cs) {
    Rule.Distinct d = rule.distinct();
    BitSet seen = new BitSet();
    List<int[]> mentions = f.entityMentions(d.entity(), s, f.sentenceEnd(cs), seen);
    if (mentions.isEmpty() || mentions.size() >= d.min()) {
      return mentions.size() >= d.min() ? mentions : null;
    }
    for (int dist = 1; dist <= d.adjacent() && mentions.size() < d.min(); dist++) {
      for (int side = -1; side <= 1 && mentions.size() < d.min(); side += 2) {
        int[] n = f.neighbourSentence(cs, side * dist);
        if (n == null) {
          continue;
        }
        BitSet more = (BitSet) seen.clone();
        List<int[]> added = f.entityMentions(d.entity(), n[0], n[1], more);
        if (!added.isEmpty() && reportsActOfItsOwn(rule, f, n[0], n[1])) {
          mentions.addAll(added);
          seen.or(more);
        }
      }
    }
    return mentions.size() >= d.min() ? mentions : null;
  }

  /** Does the rule's cue match in {@code [s, e)} with none of the rule's vetoes in the sentence? */
  private static boolean reportsActOfItsOwn(Rule rule, Field f, int s, int e) {
    int[] word = new int[1];
    if (rule.cue().next(f, f.wordAtOrAfter(s), e, e, word) == null) {
      return false;
    }
    for (Condition c : rule.none()) {
      // a veto anywhere in a borrowed sentence counts, whatever its window
      if (c.find(f, s, e, s, e) != null) {
        return false;
      }
    }
    return true;
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

  /**
   * The sentences of the strongest firings, at most {@link #MAX_SENTENCES}, in text order: what a
   * reader checks to believe the tag. Each is a {@link Match} whose phrase is the sentence as it
   * stands and whose rule names the rules that fired in it.
   */
  private static List<Match> sentences(List<Firing> firings) {
    List<Firing> strongest = new ArrayList<>(firings);
    strongest.sort(
        Comparator.comparingDouble((Firing x) -> -x.rule.weight())
            .thenComparing((Firing x) -> !x.field.name.equals("title"))
            .thenComparingInt(x -> x.sentenceStart));
    java.util.LinkedHashMap<String, Match> out = new java.util.LinkedHashMap<>();
    for (Firing fi : strongest) {
      String key = fi.field.name + ":" + fi.sentenceStart;
      Match had = out.get(key);
      if (had != null) {
        if (!("," + had.rule() + ",").contains("," + fi.rule.id() + ",")) {
          out.put(
              key,
              new Match(
                  had.phrase(),
                  had.field(),
                  had.start(),
                  had.end(),
                  had.rule() + "," + fi.rule.id()));
        }
        continue;
      }
      if (out.size() >= MAX_SENTENCES) {
        continue;
      }
      int s = fi.sentenceStart;
      int e = fi.sentenceEnd;
      String orig = fi.field.original;
      while (s < e && Character.isWhitespace(orig.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(orig.charAt(e - 1))) {
        e--;
      }
      out.put(key, new Match(orig.substring(s, e), fi.field.name, s, e, fi.rule.id()));
    }
    List<Match> list = new ArrayList<>(out.values());
    list.sort(
        Comparator.comparing((Match x) -> !x.field().equals("title"))
            .thenComparingInt(Match::start));
    return list;
  }

  /** One firing of a rule: its cue match, the context that let it fire, and its sentence. */
  record Firing(
      Rule rule, Match cue, List<Match> context, Field field, int sentenceStart, int sentenceEnd) {}

  /** Everything one topic's rules found in one article. */
  record Analysis(Topic topic, Article article, double total, List<Firing> firings) {}
}
