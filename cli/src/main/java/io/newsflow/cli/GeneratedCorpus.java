package io.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes N synthetic plain-text articles as JSON Lines ({@code url}, {@code text}, {@code
 * fetched_at}): a headline and a few paragraphs of words drawn from a small vocabulary, spread over
 * 40 outlets, each with a standing footer line as real outlets have. Deterministic for a given N
 * and seed; made for measuring memory and rates at scale, not quality.
 */
final class GeneratedCorpus {
  private static final String[] WORDS =
      ("the a of to in and on for with by from at as that this was were is are has have said "
              + "government minister council city court police report market company workers union "
              + "election vote budget plan water energy school hospital road bridge port farmers "
              + "price prices rose fell week month year today yesterday officials residents "
              + "announced agreed rejected opened closed expects warned called new old local "
              + "national regional public private north south east west river coast harbour storm "
              + "rain heat festival museum library team season match players coach league final "
              + "record million billion percent rate bank loan tax service train bus airport")
          .split(" ");

  private GeneratedCorpus() {}

  /** Writes {@code count} articles to {@code file} (overwritten) and returns it. */
  static Path write(Path file, int count, long seed) throws IOException {
    ObjectMapper json = new ObjectMapper();
    SplittableRandom random = new SplittableRandom(seed);
    Instant base = Instant.parse("2026-11-01T00:00:00Z");
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        int outlet = random.nextInt(40);
        ObjectNode o = json.createObjectNode();
        o.put("url", "https://outlet" + outlet + ".example/news/" + i);
        o.put("text", article(random, outlet));
        o.put("fetched_at", base.plusSeconds(i).toString());
        w.write(json.writeValueAsString(o));
        w.newLine();
      }
    }
    return file;
  }

  private static String article(SplittableRandom random, int outlet) {
    StringBuilder b = new StringBuilder(4096);
    b.append(capitalised(sentence(random, 6 + random.nextInt(6)))).append("\n\n");
    int paragraphs = 4 + random.nextInt(6);
    for (int p = 0; p < paragraphs; p++) {
      int sentences = 2 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        b.append(capitalised(sentence(random, 8 + random.nextInt(14)))).append(". ");
      }
      b.append("\n\n");
    }
    b.append("Follow Outlet ").append(outlet).append(" for more local news every day.\n");
    return b.toString();
  }

  private static String sentence(SplittableRandom random, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
