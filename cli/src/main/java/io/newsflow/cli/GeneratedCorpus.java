package io.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes N synthetic plain-text articles as JSON Lines ({@code url}, {@code text}, {@code
 * fetched_at}), spread over 40 outlets, each with a standing footer line as real outlets have. The
 * articles report <em>events</em>, as a news stream does: each event has names of its own (people,
 * a place, a number) and a few words of its own, and is reported by about three articles from
 * different outlets, interleaved with the reports of the other events of the moment; the rest of
 * every text is drawn from a vocabulary all articles share. So the story step sees many stories,
 * its window fills to its bound, and near-copies are rare, as on a real stream (a first version
 * drew every word from the shared vocabulary and the whole corpus formed one story). Deterministic
 * for a given N and seed; made for measuring memory and rates at scale, not quality.
 *
 * <p>Articles are dated as news is: with {@code perDay > 0}, the i-th article is published {@code i
 * × 86400 / perDay} seconds after the first, and its address carries the day ({@code
 * /news/2026/11/01/i}, which the extractor reads as the publication date), so the story window
 * closes stories as the stream's days pass. With {@code perDay == 0} the articles carry no date
 * (the corpus of sessions 6 to 9), and only the bound on open stories limits the window.
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

  private static final String[] SYLLABLES =
      ("ka lo mi ra ve to sa ni dor bel fen gar hal jun kor lin mar nov pel quin ros tal "
              + "ub vin wes yar zel an ber cas del ern fal gil hor isk jal kel lum mor nes")
          .split(" ");

  /** A new event starts with this chance; otherwise an article reports a recent event. */
  private static final double NEW_EVENT = 0.3;

  /** Events still being reported at any time. */
  private static final int ACTIVE_EVENTS = 48;

  private GeneratedCorpus() {}

  /** What one event's reports share: names and words no other event has, most likely. */
  private record Event(String[] names, String[] words, String number) {
    static Event of(SplittableRandom random) {
      String[] names = new String[4];
      for (int i = 0; i < names.length; i++) {
        // people have two names, the last is a place
        names[i] =
            i < names.length - 1
                ? capitalised(word(random, 2)) + " " + capitalised(word(random, 3))
                : capitalised(word(random, 3));
      }
      String[] words = new String[6];
      for (int i = 0; i < words.length; i++) {
        words[i] = word(random, 3);
      }
      return new Event(names, words, Integer.toString(100 + random.nextInt(99_900)));
    }
  }

  /**
   * Articles a day of publication time by default: 50 per outlet across the 40 outlets, a busy
   * regional newsroom's output.
   */
  static final int PER_DAY = 2_000;

  /**
   * Writes {@code count} articles published {@code perDay} a day (0: undated) to {@code file}
   * (overwritten) and returns it.
   */
  static Path write(Path file, int count, int perDay, long seed) throws IOException {
    if (perDay < 0) {
      throw new IllegalArgumentException("articles a day must be 0 or more, not " + perDay);
    }
    ObjectMapper json = new ObjectMapper();
    SplittableRandom random = new SplittableRandom(seed);
    Instant base = Instant.parse("2026-11-01T00:00:00Z");
    Files.createDirectories(file.toAbsolutePath().getParent());
    List<Event> active = new ArrayList<>();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        Event event;
        if (active.isEmpty() || random.nextDouble() < NEW_EVENT) {
          event = Event.of(random);
          if (active.size() == ACTIVE_EVENTS) {
            active.remove(0);
          }
          active.add(event);
        } else {
          event = active.get(random.nextInt(active.size()));
        }
        int outlet = random.nextInt(40);
        ObjectNode o = json.createObjectNode();
        Instant published = perDay == 0 ? null : base.plusSeconds(i * 86_400L / perDay);
        String day =
            published == null ? "" : published.toString().substring(0, 10).replace('-', '/') + "/";
        o.put("url", "https://outlet" + outlet + ".example/news/" + day + i);
        o.put("text", article(random, outlet, event));
        // fetched a few minutes after publication, as a watcher polling feeds would
        Instant fetched = published == null ? base.plusSeconds(i) : published.plusSeconds(300);
        o.put("fetched_at", fetched.toString());
        w.write(json.writeValueAsString(o));
        w.newLine();
      }
    }
    return file;
  }

  private static String article(SplittableRandom random, int outlet, Event event) {
    StringBuilder b = new StringBuilder(4096);
    b.append(capitalised(sentence(random, 6 + random.nextInt(6), event))).append("\n\n");
    int paragraphs = 4 + random.nextInt(6);
    for (int p = 0; p < paragraphs; p++) {
      int sentences = 2 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        b.append(capitalised(sentence(random, 8 + random.nextInt(14), event))).append(". ");
      }
      b.append("\n\n");
    }
    b.append("Follow Outlet ").append(outlet).append(" for more local news every day.\n");
    return b.toString();
  }

  /** Words of the shared vocabulary, with the event's names, words and number among them. */
  private static String sentence(SplittableRandom random, int words, Event event) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        b.append(' ');
      }
      double r = random.nextDouble();
      if (i > 0 && r < 0.10) {
        b.append(event.names()[random.nextInt(event.names().length)]);
      } else if (r < 0.22) {
        b.append(event.words()[random.nextInt(event.words().length)]);
      } else if (i > 0 && r < 0.24) {
        b.append(event.number());
      } else {
        b.append(WORDS[random.nextInt(WORDS.length)]);
      }
    }
    return b.toString();
  }

  private static String word(SplittableRandom random, int syllables) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return b.toString();
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
