package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A taxonomy loaded with the probes a previous load kept ({@link CueProbes}) tags exactly as one
 * loaded without them, and does not probe again; a damaged or foreign probe file is not trusted.
 */
class CueProbesTest {
  private static List<TagData.Item> items;
  private static List<List<Tag>> expected;

  @BeforeAll
  static void tagWithoutProbes() throws IOException {
    items = new ArrayList<>(TagData.jsonl(Path.of("src/test/resources/tag/snippets.jsonl")));
    items.addAll(TagData.jsonl(Path.of("src/test/resources/tag/heldout.jsonl")));
    Tagger plain = Tagger.loadDefault();
    expected = tagAll(plain);
    // the fixtures have both tags and neither, or this test would compare little
    assertThat(expected).anyMatch(List::isEmpty).anyMatch(t -> t.size() == 2);
  }

  @Test
  void shouldTagAlikeAndProbeNothingWhenLoadedWithKeptProbes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cache").resolve("probes.json");

    CueProbes first = CueProbes.in(file);
    Taxonomy a = load(first);
    CueProbes second = CueProbes.in(file);
    Taxonomy b = load(second);

    assertThat(first.probed()).as("alternatives probed by the first load").isGreaterThan(100);
    assertThat(file).exists();
    assertThat(second.probed()).as("alternatives probed again").isZero();
    assertThat(tagAll(Tagger.loadDefault(file))).isEqualTo(expected);
    assertThat(a.patternSlots).isEqualTo(b.patternSlots);
  }

  @Test
  void shouldKeepWhatProbingFindsExactly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("probes.json");
    load(CueProbes.in(file));

    Map<String, CueProbes.Found> kept;
    try (InputStream in = Files.newInputStream(file)) {
      kept = CueProbes.read(in);
    }

    assertThat(kept).hasSizeGreaterThan(100);
    for (Map.Entry<String, CueProbes.Found> e : kept.entrySet()) {
      assertSame(e.getKey(), e.getValue(), Cue.probe(e.getKey(), "test"));
    }
  }

  @Test
  void shouldProbeAgainAndRewriteADamagedFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("probes.json");
    Files.writeString(file, "{\"format\": \"" + CueProbes.FORMAT + "\", \"probes\": {\"x\": [[1,");

    CueProbes damaged = CueProbes.in(file);
    load(damaged);

    assertThat(damaged.probed()).isGreaterThan(100);
    CueProbes after = CueProbes.in(file);
    load(after);
    assertThat(after.probed()).isZero();
  }

  @Test
  void shouldNotTrustAFileOfAnotherFormat(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("probes.json");
    load(CueProbes.in(file));
    String text = Files.readString(file);
    Files.writeString(file, text.replace(CueProbes.FORMAT, "newsflow-cue-probes-0"));

    CueProbes foreign = CueProbes.in(file);
    load(foreign);

    assertThat(foreign.probed()).isGreaterThan(100);
    assertThat(Files.readString(file)).contains(CueProbes.FORMAT);
    assertThat(tagAll(Tagger.loadDefault(file))).isEqualTo(expected);
  }

  @Test
  void shouldReadWhatItWrites() throws Exception {
    Map<String, CueProbes.Found> probes =
        Map.of(
            "(?:ab)",
            new CueProbes.Found(Map.of(1, 5L, 2, 7L), Map.of(1, masks(3), 2, masks(9))),
            "(?:c|d)",
            new CueProbes.Found(Map.of(3, 1L << 37), null));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    CueProbes.write(probes, out);
    Map<String, CueProbes.Found> back = CueProbes.read(new ByteArrayInputStream(out.toByteArray()));

    assertThat(back.keySet()).isEqualTo(probes.keySet());
    probes.forEach((k, v) -> assertSame(k, back.get(k), v));
  }

  @Test
  void shouldRefuseAProbeWhoseFourthCharMasksAreMissing() {
    String json =
        "{\"format\": \""
            + CueProbes.FORMAT
            + "\", \"probes\": {\"(?:ab)\": [[1, 5, null], true]}}";

    assertThatThrownBy(
            () -> CueProbes.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fourth-char masks missing");
  }

  private static long[] masks(long seed) {
    long[] m = new long[Cue.CLASSES];
    for (int i = 0; i < m.length; i++) {
      m[i] = seed * (i + 1) % (1L << Cue.CLASSES);
    }
    return m;
  }

  private static void assertSame(String probe, CueProbes.Found got, CueProbes.Found want) {
    assertThat(got.starts()).as(probe).isEqualTo(want.starts());
    if (want.fourths() == null) {
      assertThat(got.fourths()).as(probe).isNull();
      return;
    }
    assertThat(got.fourths()).as(probe).isNotNull();
    assertThat(got.fourths().keySet()).as(probe).isEqualTo(want.fourths().keySet());
    want.fourths().forEach((k, v) -> assertThat(got.fourths().get(k)).as(probe).isEqualTo(v));
  }

  private static Taxonomy load(CueProbes probes) throws IOException {
    try (InputStream in = Tagger.class.getResourceAsStream(Tagger.DEFAULT_RESOURCE)) {
      return Taxonomy.read(in, Tagger.DEFAULT_RESOURCE, probes);
    }
  }

  private static List<List<Tag>> tagAll(Tagger tagger) {
    List<List<Tag>> out = new ArrayList<>();
    for (TagData.Item i : items) {
      out.add(tagger.tag(i.title(), i.text(), i.lang()));
    }
    return out;
  }
}
