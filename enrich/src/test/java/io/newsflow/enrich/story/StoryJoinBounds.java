package io.newsflow.enrich.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.learn.Logistic;
import io.newsflow.enrich.story.StoryClusterer.Candidate;
import io.newsflow.enrich.story.StoryClusterer.JoinRule;
import io.newsflow.enrich.tag.Tagger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far a different join decision could take the story step on the ECB+ dev split, over the
 * candidates the shipped step finds (docs/stories.md, "Decisions over the same candidates"). Not a
 * test: run it by hand.
 *
 * <p>Rules measured: the shipped one (the best candidate at the join threshold); three oracles that
 * know the gold story (veto a wrong best join; join any candidate above the threshold whose story
 * is mostly the article's event; join any such candidate at all), which bound what any decision
 * over these candidates can reach; and two logistic models fitted on the dev split's own decisions
 * (in-sample, so an optimistic figure): a veto of the best join, and a choice among the five best
 * candidates; and a penalty on stories that name none of the names of the article's title. The
 * validation split is scored only with {@code --validation}.
 *
 * <pre>
 * java -cp "$(cat /tmp/enrich-test.cp):enrich/target/classes:enrich/target/test-classes" \
 *     io.newsflow.enrich.story.StoryJoinBounds ../shared/bench/stories/ecbplus.jsonl
 * </pre>
 */
public final class StoryJoinBounds {
  /** Candidates a learned choice looks at (best first). */
  private static final int TOP = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<StoryArticle> articles;
  private final Map<String, String> gold;
  private final Places places;
  private final StorySettings settings = StorySettings.defaults().withLateness(null);

  private StoryJoinBounds(List<StoryArticle> articles, Map<String, String> gold, Places places) {
    this.articles = articles;
    this.gold = gold;
    this.places = places;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: StoryJoinBounds ecbplus.jsonl [--validation]");
      System.exit(2);
    }
    boolean validation = args.length > 1 && args[1].equals("--validation");
    List<StoryArticle> dev = new ArrayList<>();
    List<StoryArticle> val = new ArrayList<>();
    Map<String, String> gold = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      JsonNode n = JSON.readTree(line);
      String story = n.get("story").asText();
      StoryArticle a = JsonlStories.article(n);
      gold.put(a.id(), story);
      (EcbPlusGateTest.isValidation(story) ? val : dev).add(a);
    }
    Places places = Places.countries(Tagger.loadDefault());
    StoryJoinBounds d = new StoryJoinBounds(dev, gold, places);
    double join = d.settings.joinThreshold();
    System.out.printf("dev split: %d articles%n", dev.size());
    System.out.printf(
        "  shipped (best at %.2f)           %s%n", join, d.run(JoinRule.bestAbove(join)));
    System.out.printf("  oracle: veto wrong best joins    %s%n", d.run(d.oracleVeto(join)));
    System.out.printf("  oracle: right candidate >= %.2f  %s%n", join, d.run(d.oracleChoose(join)));
    System.out.printf("  oracle: any right candidate      %s%n", d.run(d.oracleChoose(-1)));

    // the shipped rule's decisions on dev are the training rows of both models
    List<double[]> vetoX = new ArrayList<>();
    List<Boolean> vetoY = new ArrayList<>();
    List<double[]> allX = new ArrayList<>();
    List<Boolean> allY = new ArrayList<>();
    JoinRule shipped = JoinRule.bestAbove(join);
    d.run(
        (a, cands) -> {
          for (int i = 0; i < Math.min(TOP, cands.size()); i++) {
            double[] x = features(cands, i);
            boolean right = d.right(cands.get(i).story(), a);
            allX.add(x);
            allY.add(right);
            if (i == 0 && cands.get(0).score() >= join) {
              vetoX.add(x);
              vetoY.add(right);
            }
          }
          return shipped.choose(a, cands);
        });
    Model veto = Model.fit(vetoX, vetoY);
    Model choice = Model.fit(allX, allY);
    for (double p : new double[] {0.3, 0.4, 0.5, 0.6}) {
      System.out.printf(
          "  learned veto of the best join, p >= %.1f   %s%n",
          p, d.run(d.learnedVeto(veto, p, join)));
    }
    for (double p : new double[] {0.3, 0.4, 0.5, 0.6}) {
      System.out.printf(
          "  learned choice among the %d best, p >= %.1f %s%n",
          TOP, p, d.run(d.learnedChoice(choice, p)));
    }
    for (double lambda : new double[] {0.2, 0.3, 0.5, 1.0}) {
      System.out.printf(
          "  headline names absent from the story: score x %.1f  %s%n",
          1 - lambda, d.run(d.headlineNames(lambda, join)));
    }
    for (double core : new double[] {0.6, 0.8, 1.0}) {
      for (double held : new double[] {0.34, 0.5, 0.67}) {
        for (double lambda : new double[] {0.3, 0.5, 1.0}) {
          System.out.printf(
              "  core names (in >= %.0f %% of the story) held < %.0f %%: score x %.1f  %s%n",
              100 * core, 100 * held, 1 - lambda, d.run(d.coreNames(core, held, lambda, join)));
        }
      }
    }
    if (validation) {
      StoryJoinBounds v = new StoryJoinBounds(val, gold, places);
      System.out.printf("validation split: %d articles%n", val.size());
      System.out.printf("  shipped                          %s%n", v.run(JoinRule.bestAbove(join)));
      System.out.printf(
          "  headline names, score x 0.5      %s%n", v.run(v.headlineNames(0.5, join)));
      System.out.printf(
          "  learned veto, p >= 0.5           %s%n", v.run(v.learnedVeto(veto, 0.5, join)));
      System.out.printf(
          "  learned choice, p >= 0.5         %s%n", v.run(v.learnedChoice(choice, 0.5)));
    }
  }

  /** Runs the split as one stream under {@code rule}; B-cubed P, R, F1 and the story count. */
  private String run(JoinRule rule) {
    StoryClusterer c = new StoryClusterer(settings, places, rule);
    Map<String, String> pred = new HashMap<>();
    for (StoryArticle a : articles) {
      names(a);
      Assignment as = c.assign(a);
      pred.put(a.id(), as.storyId());
      for (StorySnapshot s : as.changed()) {
        if (s.mergedInto() != null) {
          pred.replaceAll((id, story) -> story.equals(s.id()) ? s.mergedInto() : story);
        }
      }
    }
    return bcubed(pred);
  }

  /** Whether most of the story's listed articles belong to the article's gold story. */
  private boolean right(Story s, StoryArticle a) {
    String g = gold.get(a.id());
    int n = 0;
    int same = 0;
    for (ArticleRef r : s.articles) {
      n++;
      same += g.equals(gold.get(r.id())) ? 1 : 0;
    }
    return 2 * same > n;
  }

  private JoinRule oracleVeto(double join) {
    return (a, cands) ->
        !cands.isEmpty() && cands.get(0).score() >= join && right(cands.get(0).story(), a)
            ? cands.get(0)
            : null;
  }

  private JoinRule oracleChoose(double join) {
    return (a, cands) -> {
      for (Candidate c : cands) {
        if (c.score() >= join && right(c.story(), a)) {
          return c;
        }
      }
      return null;
    };
  }

  private JoinRule learnedVeto(Model m, double p, double join) {
    return (a, cands) ->
        !cands.isEmpty() && cands.get(0).score() >= join && m.p(features(cands, 0)) >= p
            ? cands.get(0)
            : null;
  }

  private JoinRule learnedChoice(Model m, double p) {
    return (a, cands) -> {
      Candidate best = null;
      double bestP = p;
      for (int i = 0; i < Math.min(TOP, cands.size()); i++) {
        double q = m.p(features(cands, i));
        if (q >= bestP) {
          bestP = q;
          best = cands.get(i);
        }
      }
      return best;
    };
  }

  /**
   * The best candidate after a penalty: a story whose names include none of the names of the
   * article's title (numbers aside) scores {@code 1 - lambda} times as much. The idea: two
   * look-alike events share the topic's names but not their protagonist, whom the headline names.
   */
  private JoinRule headlineNames(double lambda, double join) {
    return (a, cands) -> {
      List<String> headline = new ArrayList<>();
      for (String k : StoryFeatures.of(a.title(), "", places).names().keySet()) {
        if (!k.chars().allMatch(Character::isDigit)) {
          headline.add(k);
        }
      }
      Candidate best = null;
      double top = join;
      for (Candidate c : cands) {
        double s = c.score();
        if (!headline.isEmpty() && headline.stream().noneMatch(c.story().names::containsKey)) {
          s *= 1 - lambda;
        }
        if (s >= top) {
          top = s;
          best = c;
        }
      }
      return best;
    };
  }

  /**
   * The best candidate after a penalty: a story of two or more articles whose core names (names,
   * numbers aside, that at least {@code core} of its articles hold) the article holds less than
   * {@code held} of scores {@code 1 - lambda} times as much. The idea: every report of one event
   * names its protagonist, so a story's core is who and where it is about, and a look-alike event
   * shares only part of it.
   */
  private JoinRule coreNames(double core, double held, double lambda, double join) {
    return (a, cands) -> {
      Set<String> mine = names(a);
      Candidate best = null;
      double top = join;
      for (Candidate c : cands) {
        double s = c.score();
        Map<String, Integer> docs = new HashMap<>();
        int n = 0;
        for (ArticleRef r : c.story().articles) {
          n++;
          for (String k : names.getOrDefault(r.id(), Set.of())) {
            docs.merge(k, 1, Integer::sum);
          }
        }
        if (n >= 2) {
          int cores = 0;
          int have = 0;
          for (Map.Entry<String, Integer> e : docs.entrySet()) {
            if (e.getValue() >= core * n) {
              cores++;
              have += mine.contains(e.getKey()) ? 1 : 0;
            }
          }
          if (cores > 0 && have < held * cores) {
            s *= 1 - lambda;
          }
        }
        if (s >= top) {
          top = s;
          best = c;
        }
      }
      return best;
    };
  }

  private final Map<String, Set<String>> names = new HashMap<>();

  /** The article's names, numbers aside (remembered for the stories it joins). */
  private Set<String> names(StoryArticle a) {
    return names.computeIfAbsent(
        a.id(),
        id -> {
          Set<String> out = new HashSet<>();
          for (String k : StoryFeatures.of(a.title(), a.text(), places).names().keySet()) {
            if (!k.chars().allMatch(Character::isDigit)) {
              out.add(k);
            }
          }
          return out;
        });
  }

  /**
   * A candidate's evidence: score, word and name cosine, ln(story size), margin over the best other
   * candidate, whether it is the best, and score × ln(size).
   */
  private static double[] features(List<Candidate> cands, int i) {
    Candidate c = cands.get(i);
    double other = 0;
    for (int j = 0; j < cands.size(); j++) {
      if (j != i) {
        other = Math.max(other, cands.get(j).score());
      }
    }
    double size = Math.log(c.story().count);
    return new double[] {
      c.score(), c.words(), c.names(), size, c.score() - other, i == 0 ? 1 : 0, c.score() * size
    };
  }

  private String bcubed(Map<String, String> pred) {
    double[] prf = BCubed.scores(gold, pred);
    return String.format(
        "B-cubed P %.3f R %.3f F1 %.3f, %d stories",
        prf[0], prf[1], prf[2], new HashSet<>(pred.values()).size());
  }

  /** A logistic model over candidate features: the project's fit, penalty 1 in all. */
  private record Model(double[] w) {
    static Model fit(List<double[]> xs, List<Boolean> ys) {
      int[] y = new int[ys.size()];
      double[] weight = new double[ys.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = ys.get(i) ? 1 : 0;
        weight[i] = 1;
      }
      return new Model(Logistic.fit(xs.toArray(double[][]::new), y, weight, 1.0 / y.length));
    }

    double p(double[] x) {
      return Logistic.probability(w, x);
    }
  }
}
