package io.newsflow.ingest.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.ingest.canon.UrlCanon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the outlets file, YAML or JSON (JSON is read as YAML): either a list of outlets, or an
 * object with {@code outlets} and optional {@code defaults} (pollInterval, language,
 * allowPrivateAddresses). Unknown keys, duplicate names, bad URLs, patterns and durations are
 * errors that name the outlet and the key.
 */
public final class OutletsFile {
  static final Duration DEFAULT_POLL = Duration.ofMinutes(5);
  private static final Set<String> KEYS =
      Set.of(
          "name",
          "feeds",
          "sitemaps",
          "pages",
          "language",
          "pollInterval",
          "include",
          "exclude",
          "allowPrivateAddresses");
  private static final Set<String> DEFAULT_KEYS =
      Set.of("pollInterval", "language", "allowPrivateAddresses");

  private OutletsFile() {}

  public static List<Outlet> load(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /**
   * @param where the file name, for error messages
   */
  public static List<Outlet> parse(String text, String where) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where + ": not valid YAML/JSON: " + e.getOriginalMessage());
    }
    JsonNode defaults = null;
    JsonNode list = root;
    if (root != null && root.isObject()) {
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!k.equals("outlets") && !k.equals("defaults")) {
          throw new IllegalArgumentException(
              where + ": unknown top-level key '" + k + "' (expected outlets, defaults)");
        }
      }
      defaults = root.get("defaults");
      list = root.get("outlets");
      checkKeys(defaults, DEFAULT_KEYS, where + ": defaults");
    }
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException(
          where + ": no outlets (expected a list, or 'outlets:' with a list)");
    }
    List<Outlet> outlets = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int i = 0;
    for (JsonNode n : list) {
      i++;
      Outlet o = outlet(n, defaults, where + ": outlet #" + i);
      if (!names.add(o.name())) {
        throw new IllegalArgumentException(
            where + ": outlet name '" + o.name() + "' is used twice");
      }
      outlets.add(o);
    }
    return outlets;
  }

  private static Outlet outlet(JsonNode n, JsonNode defaults, String where) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(
          where + ": expected a mapping with name, feeds, sitemaps, pages, ...");
    }
    checkKeys(n, KEYS, where);
    String name = text(n.get("name"));
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(where + ": 'name' is required");
    }
    String at = where + " (" + name + ")";
    String language = language(text(pick(n, defaults, "language")), at);
    JsonNode poll = pick(n, defaults, "pollInterval");
    JsonNode allow = pick(n, defaults, "allowPrivateAddresses");
    try {
      return new Outlet(
          name.strip(),
          urls(n.get("feeds"), at + " feeds"),
          urls(n.get("sitemaps"), at + " sitemaps"),
          urls(n.get("pages"), at + " pages"),
          language,
          poll == null ? DEFAULT_POLL : duration(text(poll), at),
          patterns(n.get("include"), at + " include"),
          patterns(n.get("exclude"), at + " exclude"),
          allow != null && allow.asBoolean(false));
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(where)
          ? e
          : new IllegalArgumentException(at + ": " + e.getMessage(), e);
    }
  }

  /** A BCP 47 language tag ("en", "pt-BR", "zh-Hant"), stripped; null when not given. */
  static String language(String s, String where) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String tag = s.strip();
    try {
      // the JDK checks BCP 47 syntax; a primary subtag longer than ISO 639's three letters
      // ("english") is well-formed but names no language anyone writes in
      if (new Locale.Builder().setLanguageTag(tag).build().getLanguage().length() <= 3) {
        return tag;
      }
    } catch (IllformedLocaleException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        where + ": language '" + s + "' is not a language tag such as en or pt-BR");
  }

  /** "90s", "5m", "1h", "1d", ISO-8601 ("PT5M"), or plain seconds. */
  static Duration duration(String s, String where) {
    String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    try {
      if (v.matches("\\d+")) {
        return Duration.ofSeconds(Long.parseLong(v));
      }
      if (v.matches("\\d+(ms|s|m|h|d)")) {
        long n = Long.parseLong(v.replaceAll("\\D", ""));
        return switch (v.replaceAll("\\d", "")) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      return Duration.parse(v.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": pollInterval '" + s + "' is not a duration (e.g. 5m, 90s, PT5M)");
    }
  }

  private static List<String> urls(JsonNode n, String where) {
    List<String> out = new ArrayList<>();
    for (String s : strings(n, where)) {
      try {
        out.add(UrlCanon.canonicalize(s));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": '" + s + "' is not an absolute http(s) URL");
      }
    }
    return out;
  }

  private static List<Pattern> patterns(JsonNode n, String where) {
    List<Pattern> out = new ArrayList<>();
    for (String s : strings(n, where)) {
      try {
        out.add(Pattern.compile(s));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            where + ": '" + s + "' is not a regular expression: " + e.getDescription());
      }
    }
    return out;
  }

  private static List<String> strings(JsonNode n, String where) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (n.isTextual()) {
      return List.of(n.asText());
    }
    if (!n.isArray()) {
      throw new IllegalArgumentException(where + ": expected a string or a list of strings");
    }
    List<String> out = new ArrayList<>();
    n.forEach(e -> out.add(e.asText()));
    return out;
  }

  private static JsonNode pick(JsonNode n, JsonNode defaults, String key) {
    JsonNode v = n.get(key);
    return v != null || defaults == null ? v : defaults.get(key);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static void checkKeys(JsonNode n, Set<String> allowed, String where) {
    if (n == null) {
      return;
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(
            where
                + ": unknown key '"
                + k
                + "' (expected one of "
                + new java.util.TreeSet<>(allowed)
                + ")");
      }
    }
  }
}
