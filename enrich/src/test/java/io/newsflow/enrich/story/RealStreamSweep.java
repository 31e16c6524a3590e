package io.newsflow.enrich.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The table of docs/stories.md, "A real news stream": the stream {@link RealStreamGateTest} builds
 * from the scrapinghub pages, clustered at several join thresholds, B-cubed and pairwise against
 * the hand-made groups. Not a test: run it by hand.
 *
 * <pre>
 * java -cp "$(cat /tmp/enrich-test.cp):enrich/target/classes:enrich/target/test-classes" \
 *     io.newsflow.enrich.story.RealStreamSweep ../shared/bench/extraction/scrapinghub [stream.jsonl]
 * </pre>
 *
 * With a second argument it also writes the stream there, for {@code newsflow stories}.
 */
public final class RealStreamSweep {
  private static final double[] JOINS = {0.18, 0.20, 0.22, 0.25, 0.28, 0.30, 0.33, 0.36};

  private RealStreamSweep() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: RealStreamSweep SCRAPINGHUB_DIR [STREAM_OUT.jsonl]");
      System.exit(2);
    }
    List<String> lines = RealStreamGateTest.stream(Path.of(args[0]));
    if (args.length > 1) {
      java.nio.file.Files.write(Path.of(args[1]), lines);
    }
    Map<String, String> gold = RealStreamGateTest.gold();
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>(gold.keySet());
    for (double join : JOINS) {
      StringWriter out = new StringWriter();
      JsonlStories.run(
          new StringReader(String.join("\n", lines)),
          out,
          JsonlStories.standard(StorySettings.defaults().withJoinThreshold(join)),
          p -> {
            throw new IllegalStateException(p);
          });
      Map<String, String> pred = new HashMap<>();
      for (String l : out.toString().split("\n")) {
        JsonNode n = json.readTree(l);
        pred.put(n.get("id").asText(), n.get("story").asText());
      }
      int right = 0;
      int predicted = 0;
      int goldPairs = 0;
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          boolean p = pred.get(ids.get(i)).equals(pred.get(ids.get(j)));
          boolean g = gold.get(ids.get(i)).equals(gold.get(ids.get(j)));
          predicted += p ? 1 : 0;
          goldPairs += g ? 1 : 0;
          right += p && g ? 1 : 0;
        }
      }
      double[] s = BCubed.scores(gold, pred);
      System.out.printf(
          "join %.2f  B-cubed P %.3f R %.3f F1 %.3f  pairs right %d of %d predicted (gold %d)"
              + "  stories %d%n",
          join, s[0], s[1], s[2], right, predicted, goldPairs, new HashSet<>(pred.values()).size());
    }
  }
}
