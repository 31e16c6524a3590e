package io.newsflow.enrich.tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Tags articles with the topics of a versioned taxonomy file. Each topic is a set of weighted cues
 * with context conditions (same sentence, nearby words, how many different countries are named); a
 * topic is assigned when the weights of its firing cues reach the topic's threshold, and the
 * phrases that fired are its evidence.
 *
 * <p>Pure and thread-safe: an instance holds only the compiled, immutable taxonomy.
 */
public final class Tagger {
  /** The taxonomy shipped on the class path. */
  public static final String DEFAULT_RESOURCE = "/taxonomy/topics.json";

  /** How long matching one article may take by default before it is given up. */
  public static final long DEFAULT_TIMEOUT_MS = 10_000;

  private final Taxonomy taxonomy;
  private final Set<String> topicNames;
  private final long timeoutNanos;

  private Tagger(Taxonomy taxonomy) {
    this(taxonomy, DEFAULT_TIMEOUT_MS * 1_000_000L);
  }

  private Tagger(Taxonomy taxonomy, long timeoutNanos) {
    this.taxonomy = taxonomy;
    this.timeoutNanos = timeoutNanos;
    Set<String> names = new LinkedHashSet<>();
    taxonomy.topics.forEach(t -> names.add(t.name()));
    this.topicNames = Collections.unmodifiableSet(names);
  }

  /** Loads the taxonomy shipped on the class path ({@value #DEFAULT_RESOURCE}). */
  public static Tagger loadDefault() {
    return loadDefault(null);
  }

  /**
   * Loads the taxonomy shipped on the class path, faster with {@code probeFile}: a file (made if
   * missing) where what the loading finds out about the taxonomy's patterns is kept for the next
   * load; null for none. The tagger is the same either way.
   */
  public static Tagger loadDefault(Path probeFile) {
    try (InputStream in = Tagger.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("taxonomy resource missing: " + DEFAULT_RESOURCE);
      }
      return new Tagger(Taxonomy.read(in, DEFAULT_RESOURCE, probes(probeFile)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads a taxonomy file (JSON, the format of the shipped one).
   *
   * @throws IllegalArgumentException when the file is malformed (the message names the rule)
   * @throws UncheckedIOException when it cannot be read
   */
  public static Tagger load(Path taxonomyFile) {
    return load(taxonomyFile, null);
  }

  /**
   * Loads a taxonomy file, faster with {@code probeFile} (see {@link #loadDefault(Path)}; null for
   * none).
   *
   * @throws IllegalArgumentException when the file is malformed (the message names the rule)
   * @throws UncheckedIOException when it cannot be read
   */
  public static Tagger load(Path taxonomyFile, Path probeFile) {
    Objects.requireNonNull(taxonomyFile, "taxonomyFile");
    try (InputStream in = Files.newInputStream(taxonomyFile)) {
      return new Tagger(Taxonomy.read(in, taxonomyFile.toString(), probes(probeFile)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CueProbes probes(Path probeFile) {
    return probeFile == null ? CueProbes.none() : CueProbes.in(probeFile);
  }

  /** Reads a taxonomy from a stream ({@code source} names it in errors). */
  static Tagger fromJson(InputStream in, String source) throws IOException {
    return new Tagger(Taxonomy.read(in, source));
  }

  /** The taxonomy's version string, to be stored with every tag it produced. */
  public String version() {
    return taxonomy.version;
  }

  /** Topic names in taxonomy order. */
  public Set<String> topicNames() {
    return topicNames;
  }

  /**
   * The keys of the taxonomy's entity lexicon {@code type} (for example "country") that {@code
   * text} mentions, in order of first mention; empty when the taxonomy has no such lexicon. Keys
   * are the same in every language the lexicon covers ("Estados Unidos" and "U.S." both give
   * "usa"), which is what the story step uses them for.
   */
  public Set<String> entities(String type, String text) {
    EntityLexicon lexicon = taxonomy.entities.get(Objects.requireNonNull(type, "type"));
    if (lexicon == null || text == null || text.isEmpty()) {
      return Set.of();
    }
    Field f = taxonomy.field("text", text, 0);
    Set<String> keys = new LinkedHashSet<>();
    for (int[] hit : lexicon.scan(f).firstOfEach(0, text.length(), new java.util.BitSet())) {
      keys.add(lexicon.keys().get(hit[2]));
    }
    return keys;
  }

  /**
   * Tags an article from its title and clean body.
   *
   * @param title the headline; null is read as empty
   * @param text the clean body; null is read as empty. Trailing link lines that survived extraction
   *     ("ALSO READ: ...") are ignored by the taxonomy's boilerplate patterns
   * @param language ISO 639-1 code, or null to detect it from the text (a detected language the
   *     taxonomy has no language-specific cues for counts as unknown: every cue applies)
   * @return the assigned topics in taxonomy order; evidence offsets index into {@code title} or
   *     {@code text} as given
   */
  public List<Tag> tag(String title, String text, String language) {
    Engine.Analysis[] analyses = analyse(title, text, language);
    List<Tag> tags = new ArrayList<>(2);
    for (int i = 0; i < analyses.length; i++) {
      Engine.Analysis a = analyses[i];
      Model model = a.topic().model();
      Tag tag;
      if (model == null) {
        tag = Engine.score(a);
      } else if (!Engine.proposes(a)) {
        tag = null;
      } else {
        double p = model.probability(features(analyses, i));
        tag = p >= model.threshold() ? Engine.tag(a, p) : null;
      }
      if (tag != null) {
        tags.add(tag);
      }
    }
    return tags;
  }

  /** Each topic's firings in the article, in taxonomy order. */
  Engine.Analysis[] analyse(String title, String text, String language) {
    String t = title == null ? "" : title;
    String body = text == null ? "" : text;
    long deadline = System.nanoTime() + timeoutNanos;
    Field[] fields = {
      t.isEmpty() ? null : taxonomy.field("title", t, 0, deadline),
      body.isEmpty() ? null : taxonomy.field("text", body, 1, deadline)
    };
    Article article =
        new Article(fields, t, body, language, taxonomy.languages, taxonomy.entities.keySet());
    Engine.Analysis[] out = new Engine.Analysis[taxonomy.topics.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Engine.analyse(taxonomy.topics.get(i), article, fields);
    }
    return out;
  }

  /** The feature vector of topic {@code i} (which has firings), given every topic's analysis. */
  double[] features(Engine.Analysis[] analyses, int i) {
    double other = 0;
    for (int j = 0; j < analyses.length; j++) {
      if (j != i) {
        other = Math.max(other, analyses[j].total() / analyses[j].topic().threshold());
      }
    }
    return Features.of(analyses[i], analyses[i].article(), other, taxonomy.markers);
  }

  /** The names of the entries of {@link #features}. */
  List<String> featureNames() {
    return taxonomy.featureNames;
  }

  /**
   * A tagger that gives up on an article after {@code timeout} of matching, throwing {@link
   * TaggingTimeoutException}: a pathological pattern of a user taxonomy on a giant body must not
   * hold a stream thread. The default is {@value #DEFAULT_TIMEOUT_MS} ms.
   */
  public Tagger withTimeout(java.time.Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("tag timeout must be positive: " + timeout);
    }
    return new Tagger(taxonomy, timeout.toNanos());
  }
}
