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

  private final Taxonomy taxonomy;
  private final Set<String> topicNames;

  private Tagger(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    Set<String> names = new LinkedHashSet<>();
    taxonomy.topics.forEach(t -> names.add(t.name()));
    this.topicNames = Collections.unmodifiableSet(names);
  }

  /** Loads the taxonomy shipped on the class path ({@value #DEFAULT_RESOURCE}). */
  public static Tagger loadDefault() {
    try (InputStream in = Tagger.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("taxonomy resource missing: " + DEFAULT_RESOURCE);
      }
      return new Tagger(Taxonomy.read(in, DEFAULT_RESOURCE));
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
    Objects.requireNonNull(taxonomyFile, "taxonomyFile");
    try (InputStream in = Files.newInputStream(taxonomyFile)) {
      return new Tagger(Taxonomy.read(in, taxonomyFile.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    String t = title == null ? "" : title;
    String body = text == null ? "" : text;
    Field[] fields = {
      t.isEmpty() ? null : taxonomy.field("title", t, 0),
      body.isEmpty() ? null : taxonomy.field("text", body, 1)
    };
    Article article = new Article(fields, t, body, language, taxonomy.languages);
    List<Tag> tags = new ArrayList<>(2);
    for (Topic topic : taxonomy.topics) {
      Tag tag = Engine.score(topic, article);
      if (tag != null) {
        tags.add(tag);
      }
    }
    return tags;
  }
}
