package io.newsflow.enrich.tag;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link Cue} found out about how each alternative of a taxonomy can start, kept in a file
 * between loads. Finding it out runs each alternative's regex against thousands of short probes:
 * about three quarters of a taxonomy's loading time, and loading happens while a command starts
 * (beside the in-process broker's start, on the same cores). The result depends only on the
 * alternative's regex and on {@link Cue}'s probing ({@link #FORMAT} names its version), so a file
 * written by one load is valid for any later one: an alternative the file does not hold is probed
 * as before. A missing, unreadable or foreign file is ignored and written anew; a file that cannot
 * be written costs only the time it would have saved.
 */
final class CueProbes {
  private static final Logger LOG = LoggerFactory.getLogger(CueProbes.class);

  /**
   * The file's format and the probing it records; change it whenever {@link Cue}'s probing does.
   */
  static final String FORMAT = "newsflow-cue-probes-1";

  /**
   * Per pair code, the classes the third char may have; per pair code, for each class of the third
   * char, the classes the fourth may have (null when the fourth is not checked).
   */
  record Found(Map<Integer, Long> starts, Map<Integer, long[]> fourths) {}

  private final Path file;
  private final Map<String, Found> known;
  private final Map<String, Found> used = new LinkedHashMap<>();
  private int probed;

  private CueProbes(Path file, Map<String, Found> known) {
    this.file = file;
    this.known = known;
  }

  /** Probes everything, keeps nothing. */
  static CueProbes none() {
    return new CueProbes(null, Map.of());
  }

  /** Reads {@code file} when it holds probes of this {@link #FORMAT}; starts empty otherwise. */
  static CueProbes in(Path file) {
    Map<String, Found> known = Map.of();
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        known = read(in);
      } catch (IOException | RuntimeException e) {
        LOG.info("taxonomy probes in {} not used ({}); probing again", file, e.toString());
      }
    }
    return new CueProbes(file, known);
  }

  /** What {@code probe} can start with: from the file when it has it, else {@code probing}'s. */
  Found of(String probe, Function<String, Found> probing) {
    Found f = used.get(probe);
    if (f == null) {
      f = known.get(probe);
      if (f == null) {
        f = probing.apply(probe);
        probed++;
      }
      used.put(probe, f);
    }
    return f;
  }

  /** How many alternatives this load had to probe. */
  int probed() {
    return probed;
  }

  /**
   * Writes what this load used to the file (atomically), unless it held exactly that already. Only
   * the current taxonomy's alternatives are written, so the file does not grow with edits.
   */
  void save() {
    if (file == null || (probed == 0 && used.size() == known.size())) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".cue-probes", ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          write(used, out);
        }
        try {
          Files.move(
              tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      LOG.info("taxonomy probes not kept in {} ({})", file, e.toString());
    }
  }

  /*
   * {"format": FORMAT, "probes": {PROBE: [[code, third mask, fourth masks or null]...]...}}: the
   * masks as numbers, the fourth masks as an array of 38 numbers.
   */

  static void write(Map<String, Found> probes, OutputStream out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeObjectFieldStart("probes");
      for (Map.Entry<String, Found> e : probes.entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        Map<Integer, long[]> fourths = e.getValue().fourths();
        for (Map.Entry<Integer, Long> s : e.getValue().starts().entrySet()) {
          g.writeStartArray();
          g.writeNumber(s.getKey());
          g.writeNumber(s.getValue());
          long[] f = fourths == null ? null : fourths.get(s.getKey());
          if (f == null) {
            g.writeNull();
          } else {
            g.writeArray(f, 0, f.length);
          }
          g.writeEndArray();
        }
        g.writeBoolean(fourths != null);
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  static Map<String, Found> read(InputStream in) throws IOException {
    Map<String, Found> out = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(in)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      expect(p.nextToken(), JsonToken.FIELD_NAME);
      if (!"format".equals(p.currentName())) {
        throw new IOException("no format");
      }
      expect(p.nextToken(), JsonToken.VALUE_STRING);
      if (!FORMAT.equals(p.getText())) {
        throw new IOException("format " + p.getText() + ", not " + FORMAT);
      }
      expect(p.nextToken(), JsonToken.FIELD_NAME);
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String probe = p.currentName();
        expect(p.nextToken(), JsonToken.START_ARRAY);
        Map<Integer, Long> starts = new HashMap<>();
        Map<Integer, long[]> fourths = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
          expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
          int code = p.getIntValue();
          expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
          starts.put(code, p.getLongValue());
          t = p.nextToken();
          if (t == JsonToken.START_ARRAY) {
            long[] masks = new long[Cue.CLASSES];
            for (int i = 0; i < masks.length; i++) {
              expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
              masks[i] = p.getLongValue();
            }
            expect(p.nextToken(), JsonToken.END_ARRAY);
            fourths.put(code, masks);
          } else {
            expect(t, JsonToken.VALUE_NULL);
          }
          expect(p.nextToken(), JsonToken.END_ARRAY);
        }
        boolean checked = t == JsonToken.VALUE_TRUE;
        if (!checked) {
          expect(t, JsonToken.VALUE_FALSE);
        }
        expect(p.nextToken(), JsonToken.END_ARRAY);
        if (checked && !fourths.keySet().equals(starts.keySet())) {
          // Cue reads a fourth-char mask for every start it has when the fourth is checked
          throw new IOException("malformed: fourth-char masks missing for " + probe);
        }
        out.put(probe, new Found(starts, checked ? fourths : null));
      }
    }
    return out;
  }

  private static void expect(JsonToken got, JsonToken wanted) throws IOException {
    if (got != wanted) {
      throw new IOException("malformed: " + got + " where " + wanted + " was expected");
    }
  }
}
