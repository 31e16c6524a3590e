package io.newsflow.ingest.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.RawSink;
import io.newsflow.ingest.canon.UrlCanon;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Via;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Replays JSON Lines archives (optionally gzip): one object per line with {@code url}, and {@code
 * html} or {@code text}, and optionally {@code fetched_at} (ISO-8601 or epoch milliseconds). Each
 * becomes a raw article with the id of its canonical URL. A line that is not JSON, lacks a URL or a
 * body, or is over the size cap becomes a dead letter naming the line; blank lines are skipped.
 */
public final class JsonLinesReplay {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ReplaySettings settings;

  public JsonLinesReplay(ReplaySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param progress called with (lines done, -1): the total is not known in advance
   */
  public ReplayReport replay(Path file, RawSink sink, BiConsumer<Integer, Integer> progress)
      throws IOException {
    ReplayReport.Tally tally = new ReplayReport.Tally();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            file.toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                ? new GZIPInputStream(raw)
                : raw;
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = lines.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String where = file.getFileName() + ":" + n;
        String problem = one(line, where, sink, tally);
        if (problem != null) {
          String id = ArticleIds.forFile(where, line.getBytes(StandardCharsets.UTF_8));
          sink.deadLetter(
              ReplayLetters.of(id, where, problem, null, line.getBytes(StandardCharsets.UTF_8)));
          tally.deadLettered();
        }
        progress.accept(n, -1);
      }
    }
    return tally.report();
  }

  /** Produces the line's article; returns why it could not, or null. */
  private String one(String line, String where, RawSink sink, ReplayReport.Tally tally) {
    JsonNode o;
    try {
      o = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return "line is not JSON: " + e.getOriginalMessage();
    }
    if (o == null || !o.isObject()) {
      return "line is not a JSON object";
    }
    String url;
    try {
      url = UrlCanon.canonicalize(text(o, "url"));
    } catch (IllegalArgumentException e) {
      return "no usable url: " + e.getMessage();
    }
    String html = text(o, "html");
    String text = text(o, "text");
    if (html == null && text == null) {
      return "neither html nor text";
    }
    byte[] body = (html != null ? html : text).getBytes(StandardCharsets.UTF_8);
    if (body.length > settings.maxBytes()) {
      return "body is " + body.length + " bytes, over the cap of " + settings.maxBytes();
    }
    Instant at;
    try {
      at = fetchedAt(o.get("fetched_at"));
    } catch (DateTimeParseException e) {
      return "fetched_at is not ISO-8601 or epoch milliseconds: " + o.get("fetched_at");
    }
    String id = ArticleIds.forUrl(url);
    sink.article(
        RawArticle.newBuilder()
            .setId(id)
            .setSource(url)
            .setOutlet(settings.outlet())
            .setVia(Via.REPLAY)
            .setFetchedAt(at)
            .setContentType(html != null ? "text/html" : "text/plain")
            .setCharset("UTF-8")
            .setBody(ByteBuffer.wrap(body))
            .setVersion(1)
            .build());
    tally.produced();
    return null;
  }

  private static Instant fetchedAt(JsonNode n) {
    if (n == null || n.isNull()) {
      return Instant.now();
    }
    if (n.isNumber()) {
      return Instant.ofEpochMilli(n.asLong());
    }
    return Instant.parse(n.asText().strip());
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }
}
