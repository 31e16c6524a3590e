package io.newsflow.cli.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.monitor.OutletStatus;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.TopicTag;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.ArticleJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the dashboard shows, kept in memory and bounded whatever the history's size: the latest
 * {@code keep} articles and dead letters, per-outlet and per-stage counts, articles per second per
 * stage in 2-second buckets over the last 10 minutes, and the lag of each stage's consumer group.
 * Every view is built here as JSON, so the page and a script read the same data. Thread-safe: the
 * topic watcher writes while the HTTP threads read.
 */
public final class DashboardState {
  /** The pipeline's stages, in the data's order, as the rate plot and lag table name them. */
  public static final List<String> STAGES = List.of("ingest", "enrich", "sink", "dead letters");

  /** How an article without an outlet is listed. */
  static final String UNKNOWN_OUTLET = "(unknown outlet)";

  private static final int PREVIEW_BYTES = 4096;
  private final int keep;
  private final Supplier<List<OutletStatus>> monitored;
  private final Supplier<String> waitingFor;
  private final Instant startedAt = Instant.now();
  private final LinkedHashMap<String, EnrichedArticle> articles = new LinkedHashMap<>();
  private final Deque<DeadLetter> deadLetters = new ArrayDeque<>();
  private final Map<String, Long> deadByReason = new TreeMap<>();

  /**
   * Each kept article's summary, built when a view first lists it: the same articles are listed
   * again at every refresh, and counting a long text's words each time was most of a request's
   * cost. Never changed once built (an updated article replaces its entry).
   */
  private final Map<String, ObjectNode> summaries = new java.util.HashMap<>();

  private final Map<String, Integer> topicFacets = new TreeMap<>();
  private final Map<String, Integer> outletFacets = new TreeMap<>();
  private final Map<String, Integer> languageFacets = new TreeMap<>();
  private final Map<String, OutletCounts> outlets = new TreeMap<>();
  private final Map<String, RateSeries> rates = new LinkedHashMap<>();
  private final Map<String, Long> totals = new LinkedHashMap<>();
  private final Map<String, Long> lag = new LinkedHashMap<>();
  private final Deque<Alert> alerts = new ArrayDeque<>();
  private volatile String lagError;
  private int alertsRaised;

  /** Per-outlet counts seen on the topics. */
  private static final class OutletCounts {
    long raw;
    long enriched;
    long dead;
    Instant last;
  }

  /** An extraction-health alert (or any other alert newsflow raises about an outlet). */
  public record Alert(String outlet, String message, Instant at) {}

  /**
   * @param keep how many of the latest articles and dead letters to keep readable
   * @param monitored the outlets being monitored in this process (empty when none)
   * @param waitingFor what a polling outlet is waiting for, in words (may return null)
   */
  public DashboardState(
      int keep, Supplier<List<OutletStatus>> monitored, Supplier<String> waitingFor) {
    this.keep = keep;
    this.monitored = monitored;
    this.waitingFor = waitingFor;
    STAGES.forEach(
        s -> {
          rates.put(s, new RateSeries(Duration.ofSeconds(2), 300));
          totals.put(s, 0L);
        });
  }

  /** A record reached {@code stage} at {@code at} (its Kafka timestamp). */
  public synchronized void counted(String stage, String outlet, Instant at) {
    rates.get(stage).add(at);
    totals.merge(stage, 1L, Long::sum);
    if (outlet != null && stage.equals("ingest")) {
      outlet(outlet, at).raw++;
    }
  }

  public synchronized void enriched(EnrichedArticle a, Instant at) {
    counted("enrich", null, at);
    facets(articles.remove(a.getId()), -1);
    summaries.remove(a.getId());
    articles.put(a.getId(), a);
    facets(a, 1);
    if (articles.size() > keep) {
      Iterator<EnrichedArticle> it = articles.values().iterator();
      EnrichedArticle oldest = it.next();
      facets(oldest, -1);
      summaries.remove(oldest.getId());
      it.remove();
    }
    outlet(outletOf(a), at).enriched++;
  }

  /** Keeps the articles view's filter choices counted as articles come and go. */
  private void facets(EnrichedArticle a, int delta) {
    if (a == null) {
      return;
    }
    for (TopicTag t : a.getTopics()) {
      count(topicFacets, t.getName(), delta);
    }
    count(outletFacets, outletOf(a), delta);
    if (a.getLanguage() != null) {
      count(languageFacets, a.getLanguage(), delta);
    }
  }

  private static void count(Map<String, Integer> facet, String key, int delta) {
    facet.merge(key, delta, (x, y) -> x + y == 0 ? null : x + y);
  }

  public synchronized void dead(DeadLetter d, String outlet, Instant at) {
    counted("dead letters", null, at);
    deadLetters.addFirst(d);
    if (deadLetters.size() > keep) {
      deadLetters.removeLast();
    }
    deadByReason.merge(d.getStage() + ": " + d.getReason(), 1L, Long::sum);
    if (outlet != null) {
      outlet(outlet, at).dead++;
    }
  }

  public synchronized int alertCount() {
    return alertsRaised;
  }

  public synchronized void alert(Alert a) {
    alertsRaised++;
    alerts.addFirst(a);
    if (alerts.size() > 100) {
      alerts.removeLast();
    }
  }

  /** The consumer lag of each stage now, or why it could not be read. */
  public synchronized void lag(Map<String, Long> byStage, String error) {
    lag.clear();
    lag.putAll(byStage);
    lagError = error;
  }

  private OutletCounts outlet(String name, Instant at) {
    OutletCounts c = outlets.computeIfAbsent(name, n -> new OutletCounts());
    if (c.last == null || at.isAfter(c.last)) {
      c.last = at;
    }
    return c;
  }

  static String outletOf(EnrichedArticle a) {
    return a.getOutlet() == null ? UNKNOWN_OUTLET : a.getOutlet();
  }

  // ---- views (JSON) ----

  /**
   * Outlets: what monitoring says of each (when this process monitors), and what the topics show.
   */
  public synchronized ObjectNode outlets(Instant now) {
    ObjectNode root = ArticleJson.MAPPER.createObjectNode();
    ArrayNode list = root.putArray("outlets");
    Map<String, OutletStatus> status = new TreeMap<>();
    monitored.get().forEach(s -> status.put(s.outlet(), s));
    Map<String, OutletCounts> names = new TreeMap<>(outlets);
    status.keySet().forEach(n -> names.putIfAbsent(n, new OutletCounts()));
    String waiting = waitingFor.get();
    names.forEach(
        (name, c) -> {
          ObjectNode o = list.addObject();
          o.put("outlet", name);
          o.put("ingested", c.raw);
          o.put("enriched", c.enriched);
          o.put("deadLettered", c.dead);
          o.put("lastSeen", c.last == null ? null : c.last.toString());
          OutletStatus s = status.get(name);
          o.put("monitored", s != null);
          if (s != null) {
            o.put("polls", s.polls());
            o.put("newArticles", s.newArticles());
            o.put("updatedArticles", s.updatedArticles());
            o.put("errors", s.errors());
            o.put("lastError", s.lastError());
            o.put("lastPollAt", s.lastPollAt() == null ? null : s.lastPollAt().toString());
            o.put("nextPollAt", s.nextPollAt() == null ? null : s.nextPollAt().toString());
            o.put(
                "waitingFor",
                s.nextPollAt() == null
                    ? "polling now: "
                        + (s.waitingFor() != null
                            ? s.waitingFor()
                            : waiting == null ? "its fetches" : waiting)
                    : "next poll in "
                        + seconds(Duration.between(now, s.nextPollAt()))
                        + " (its poll interval)");
          }
        });
    return root;
  }

  /** The pipeline: totals, rates over time, lag, dead letters by reason and the latest ones. */
  public synchronized ObjectNode pipeline(Instant now) {
    ObjectNode root = ArticleJson.MAPPER.createObjectNode();
    root.put("startedAt", startedAt.toString());
    root.put("now", now.toString());
    ObjectNode t = root.putObject("totals");
    totals.forEach(t::put);
    ObjectNode r = root.putObject("rates");
    RateSeries first = rates.get(STAGES.get(0));
    long[] times = first.bucketStarts(now);
    ArrayNode ts = r.putArray("t");
    for (long x : times) {
      ts.add(x / 1000);
    }
    ObjectNode series = r.putObject("perSecond");
    rates.forEach(
        (stage, s) -> {
          ArrayNode a = series.putArray(stage);
          for (double v : s.perSecond(now)) {
            a.add(Math.round(v * 100) / 100.0);
          }
        });
    ObjectNode l = root.putObject("lag");
    lag.forEach(l::put);
    root.put("lagError", lagError);
    ArrayNode reasons = root.putArray("deadLettersByReason");
    deadByReason.forEach((k, v) -> reasons.addObject().put("stageAndReason", k).put("count", v));
    ArrayNode latest = root.putArray("latestDeadLetters");
    deadLetters.stream().limit(20).forEach(d -> latest.add(deadLetter(d, false)));
    ArrayNode al = root.putArray("alerts");
    alerts.forEach(
        a ->
            al.addObject()
                .put("outlet", a.outlet())
                .put("message", a.message())
                .put("at", a.at().toString()));
    return root;
  }

  /** The latest dead letters in full, original bytes shown as text (the first 4 KiB). */
  public synchronized ObjectNode deadLetters() {
    ObjectNode root = ArticleJson.MAPPER.createObjectNode();
    ArrayNode list = root.putArray("deadLetters");
    deadLetters.forEach(d -> list.add(deadLetter(d, true)));
    return root;
  }

  private static ObjectNode deadLetter(DeadLetter d, boolean withValue) {
    ObjectNode o = ArticleJson.MAPPER.createObjectNode();
    o.put("stage", d.getStage());
    o.put("reason", d.getReason());
    o.put("errorClass", d.getErrorClass());
    o.put("articleId", d.getArticleId());
    o.put("source", d.getSource());
    o.put("topic", d.getTopic());
    o.put("partition", d.getPartition());
    o.put("offset", d.getOffset());
    o.put("failedAt", d.getFailedAt() == null ? null : d.getFailedAt().toString());
    if (withValue && d.getValue() != null) {
      ByteBuffer v = d.getValue().duplicate();
      byte[] all = new byte[v.remaining()];
      v.get(all);
      o.put("valueBytes", all.length);
      o.put("valuePreview", preview(d.getTopic(), all));
    }
    return o;
  }

  /** The original record as a person can read it: a raw article's fields and body, or its bytes. */
  static String preview(String topic, byte[] value) {
    if (Topics.RAW.name().equals(topic)) {
      try {
        RawArticle r = Topics.RAW.valueSerde().deserializer().deserialize(topic, value);
        ByteBuffer body = r.getBody().duplicate();
        int length = body.remaining();
        byte[] b = new byte[Math.min(PREVIEW_BYTES, body.remaining())];
        body.get(b);
        return "raw article "
            + r.getId()
            + " from "
            + r.getSource()
            + " ("
            + r.getContentType()
            + ", "
            + length
            + " bytes of body)\n\n"
            + new String(b, StandardCharsets.UTF_8);
      } catch (RuntimeException notRaw) {
        // fall back to the bytes
      }
    }
    return new String(value, 0, Math.min(PREVIEW_BYTES, value.length), StandardCharsets.UTF_8);
  }

  /**
   * The latest articles, newest first, each filter ignored when null or blank.
   *
   * @param topic a tag name
   * @param outlet an outlet name
   * @param language an ISO 639-1 code
   */
  public synchronized ObjectNode articles(String topic, String outlet, String language, int limit) {
    ObjectNode root = ArticleJson.MAPPER.createObjectNode();
    ArrayNode list = root.putArray("articles");
    List<EnrichedArticle> all = new ArrayList<>(articles.values());
    int n = 0;
    for (int i = all.size() - 1; i >= 0 && n < limit; i--) {
      EnrichedArticle a = all.get(i);
      if (matches(a, topic, outlet, language)) {
        list.add(summaries.computeIfAbsent(a.getId(), id -> summary(a)));
        n++;
      }
    }
    root.put("kept", all.size());
    topicFacets.keySet().forEach(root.putArray("topics")::add);
    outletFacets.keySet().forEach(root.putArray("outlets")::add);
    languageFacets.keySet().forEach(root.putArray("languages")::add);
    return root;
  }

  private static boolean matches(EnrichedArticle a, String topic, String outlet, String language) {
    if (!blank(topic) && a.getTopics().stream().noneMatch(t -> t.getName().equals(topic))) {
      return false;
    }
    if (!blank(outlet) && !outletOf(a).equals(outlet)) {
      return false;
    }
    return blank(language)
        || (a.getLanguage() != null
            && a.getLanguage().toLowerCase(Locale.ROOT).equals(language.toLowerCase(Locale.ROOT)));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static ObjectNode summary(EnrichedArticle a) {
    ObjectNode o = ArticleJson.MAPPER.createObjectNode();
    o.put("id", a.getId());
    o.put("title", a.getTitle());
    o.put("outlet", outletOf(a));
    o.put("language", a.getLanguage());
    o.put("published", a.getPublished());
    o.put("fetchedAt", a.getFetchedAt().toString());
    o.put("words", words(a.getText()));
    o.put("removedLines", a.getRemoved().size());
    ArrayNode tags = o.putArray("topics");
    for (TopicTag t : a.getTopics()) {
      tags.add(t.getName());
    }
    return o;
  }

  /** One article as the sink writes it, or null when it is not among the kept ones. */
  public synchronized ObjectNode article(String id) {
    EnrichedArticle a = articles.get(id);
    return a == null ? null : ArticleJson.toJson(a);
  }

  /** How many words (runs of non-whitespace) a text has. */
  static int words(String text) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        n++;
      }
      inWord = !space;
    }
    return n;
  }

  private static String seconds(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
  }
}
