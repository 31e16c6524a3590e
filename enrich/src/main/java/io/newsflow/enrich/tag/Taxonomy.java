package io.newsflow.enrich.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed, compiled taxonomy file (JSON). The file holds a version string, shared lexicons, entity
 * lists, boilerplate line patterns and one entry per topic with its weighted rules; docs/tagging.md
 * describes the format. Loading fails fast, naming the topic and rule, on any malformed entry.
 */
final class Taxonomy {
  static final int SUPPORTED_FORMAT = 1;
  private static final Set<String> FIELDS = Set.of("title", "text");

  final String version;
  final List<Topic> topics;
  final List<Pattern> boilerplate;
  final Map<String, EntityLexicon> entities;

  /** Named context patterns that become article-level features ({@code marker.NAME}). */
  final Map<String, Cue> markers;

  /** The names of the feature vector's entries (see {@link Features}). */
  final List<String> featureNames;

  /** The languages some rule is restricted to. */
  final Set<String> languages;

  /** How many distinct compiled patterns the taxonomy has (the size of a field's matcher table). */
  final int patternSlots;

  /** Per thread, reusable matchers for the title and for the text. */
  private final ThreadLocal<Matchers[]> matchers;

  private Taxonomy(Loader l, String version, List<Topic> topics, List<Pattern> boilerplate) {
    this.version = version;
    this.topics = List.copyOf(topics);
    this.boilerplate = List.copyOf(boilerplate);
    this.entities = Map.copyOf(l.entities);
    this.markers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(l.markers));
    this.featureNames = Features.names(markers);
    this.patternSlots = l.slots.size();
    Set<String> langs = new java.util.HashSet<>();
    topics.forEach(t -> t.rules().forEach(r -> langs.addAll(r.languages())));
    this.languages = Set.copyOf(langs);
    this.matchers =
        ThreadLocal.withInitial(
            () -> new Matchers[] {new Matchers(patternSlots), new Matchers(patternSlots)});
  }

  /**
   * A field of an article to be tagged on this thread ({@code role} 0 for the title, 1 for the
   * text).
   */
  /** A field matched without a time limit (tests, tools). */
  Field field(String name, String text, int role) {
    return field(name, text, role, System.nanoTime() + Long.MAX_VALUE / 2);
  }

  Field field(String name, String text, int role, long deadlineNanos) {
    Matchers m = matchers.get()[role];
    m.deadline(deadlineNanos);
    return new Field(name, text, role == 0 ? List.of() : boilerplate, this, m);
  }

  static Taxonomy read(InputStream in, String source) throws IOException {
    return read(in, source, CueProbes.none());
  }

  /**
   * Reads a taxonomy, taking what {@code probes} knows about its alternatives and keeping what it
   * learns (see {@link CueProbes}).
   */
  static Taxonomy read(InputStream in, String source, CueProbes probes) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": a taxonomy is a JSON object");
    }
    int format = root.path("format").asInt(SUPPORTED_FORMAT);
    if (format != SUPPORTED_FORMAT) {
      throw new IllegalArgumentException(source + ": unsupported taxonomy format " + format);
    }
    Taxonomy t = new Loader(source, probes).load(root);
    probes.save();
    return t;
  }

  /** Holds what the entries of one file share while they are compiled. */
  private static final class Loader {
    private final String source;
    private final Map<String, String> lexicons = new HashMap<>();
    private final Map<String, EntityLexicon> entities = new HashMap<>();
    private final Map<String, Cue> markers = new LinkedHashMap<>();
    private final Cue.Slots slots;

    Loader(String source, CueProbes probes) {
      this.source = source;
      this.slots = new Cue.Slots(probes);
    }

    Taxonomy load(JsonNode root) {
      String version = text(root, "version", source);
      root.path("lexicons")
          .properties()
          .forEach(e -> lexicons.put(e.getKey(), joined(e.getValue())));
      root.path("entities")
          .properties()
          .forEach(e -> entities.put(e.getKey(), entity(e.getKey(), e.getValue())));
      root.path("markers")
          .properties()
          .forEach(
              e -> markers.put(e.getKey(), cue(e.getValue(), source + " marker " + e.getKey())));
      List<Pattern> boilerplate = new ArrayList<>();
      for (JsonNode b : root.path("boilerplate")) {
        boilerplate.add(
            Patterns.compile(
                Patterns.expand(b.asText(), lexicons, source + " boilerplate"), source));
      }
      List<Topic> topics = new ArrayList<>();
      Set<String> names = new LinkedHashSet<>();
      for (JsonNode t : root.path("topics")) {
        Topic topic = topic(t);
        if (!names.add(topic.name())) {
          throw new IllegalArgumentException(source + ": topic " + topic.name() + " defined twice");
        }
        topics.add(topic);
      }
      if (topics.isEmpty()) {
        throw new IllegalArgumentException(source + ": no topics");
      }
      return new Taxonomy(this, version, topics, boilerplate);
    }

    private Topic topic(JsonNode t) {
      String name = text(t, "name", source + " topic");
      String where = source + " topic " + name;
      double threshold = t.path("threshold").asDouble(1.0);
      if (!(threshold > 0)) {
        throw new IllegalArgumentException(where + ": threshold must be > 0");
      }
      List<Rule> rules = new ArrayList<>();
      Set<String> ids = new LinkedHashSet<>();
      for (JsonNode r : t.path("rules")) {
        Rule rule = rule(r, where);
        if (!ids.add(rule.id())) {
          throw new IllegalArgumentException(where + ": rule " + rule.id() + " defined twice");
        }
        rules.add(rule);
      }
      if (rules.isEmpty()) {
        throw new IllegalArgumentException(where + ": no rules");
      }
      Model model = t.hasNonNull("model") ? model(t.get("model"), where) : null;
      return new Topic(name, t.path("description").asText(""), threshold, rules, model);
    }

    private Model model(JsonNode m, String topicWhere) {
      String where = topicWhere + " model";
      List<String> known = Features.names(markers);
      JsonNode weights = required(m, "weights", where);
      List<String> names = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      weights
          .properties()
          .forEach(
              e -> {
                if (!known.contains(e.getKey())) {
                  throw new IllegalArgumentException(
                      where + ": unknown feature " + e.getKey() + " (known: " + known + ")");
                }
                names.add(e.getKey());
                values.add(e.getValue().asDouble());
              });
      double threshold = required(m, "threshold", where).asDouble();
      if (!(threshold > 0 && threshold < 1)) {
        throw new IllegalArgumentException(where + ": threshold must be in (0, 1)");
      }
      double[] w = new double[names.size()];
      int[] index = new int[names.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = values.get(i);
        index[i] = known.indexOf(names.get(i));
      }
      return new Model(List.copyOf(names), w, m.path("bias").asDouble(0), threshold, index);
    }

    private Rule rule(JsonNode r, String topicWhere) {
      String id = text(r, "id", topicWhere + " rule");
      String where = topicWhere + " rule " + id;
      Cue cue = cue(required(r, "cue", where), where);
      Rule.Distinct distinct = null;
      if (r.has("distinct")) {
        JsonNode d = r.get("distinct");
        String type = text(d, "entity", where + " distinct");
        if (!entities.containsKey(type)) {
          throw new IllegalArgumentException(where + ": unknown entity type " + type);
        }
        int adjacent = d.path("adjacent").asInt(0);
        if (adjacent < 0) {
          throw new IllegalArgumentException(where + ": distinct.adjacent must be >= 0");
        }
        distinct = new Rule.Distinct(type, d.path("min").asInt(2), adjacent);
      }
      Set<String> fields = strings(r.path("fields"), FIELDS);
      if (!FIELDS.containsAll(fields)) {
        throw new IllegalArgumentException(where + ": fields are title and/or text");
      }
      return new Rule(
          id,
          strings(r.path("lang"), Set.of()),
          r.path("weight").asDouble(1.0),
          Math.max(1, r.path("maxCount").asInt(1)),
          cue,
          conditions(r.path("all"), where),
          conditions(r.path("none"), where),
          distinct,
          fields);
    }

    private List<Condition> conditions(JsonNode list, String where) {
      List<Condition> out = new ArrayList<>();
      for (JsonNode c : list) {
        if (!c.isObject()) {
          out.add(new Condition(cue(c, where), null, 0));
          continue;
        }
        String entity = c.hasNonNull("entity") ? c.get("entity").asText() : null;
        if (entity != null && !entities.containsKey(entity)) {
          throw new IllegalArgumentException(where + ": unknown entity type " + entity);
        }
        Cue pattern =
            entity != null && !c.hasNonNull("pattern")
                ? null
                : cue(required(c, "pattern", where), where);
        out.add(new Condition(pattern, entity, c.path("window").asInt(0)));
      }
      return out;
    }

    private Cue cue(JsonNode patterns, String where) {
      return new Cue(Patterns.expand(joined(patterns), lexicons, where), where, slots);
    }

    private EntityLexicon entity(String type, JsonNode node) {
      Map<String, String> forms = new LinkedHashMap<>();
      String where = source + " entities " + type;
      node.properties()
          .forEach(
              e -> forms.put(e.getKey(), Patterns.expand(joined(e.getValue()), lexicons, where)));
      return new EntityLexicon(
          new ArrayList<>(forms.keySet()), new ArrayList<>(forms.values()), where, slots);
    }
  }

  private static String joined(JsonNode node) {
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(n -> parts.add(n.asText()));
      return String.join("|", parts);
    }
    return node.asText();
  }

  private static Set<String> strings(JsonNode node, Set<String> ifMissing) {
    if (node.isMissingNode() || node.isNull()) {
      return ifMissing;
    }
    Set<String> out = new LinkedHashSet<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else {
      out.add(node.asText());
    }
    return Set.copyOf(out);
  }

  private static JsonNode required(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(where + ": missing \"" + field + "\"");
    }
    return v;
  }

  private static String text(JsonNode node, String field, String where) {
    String v = required(node, field, where).asText();
    if (v.isBlank()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" is blank");
    }
    return v;
  }
}
