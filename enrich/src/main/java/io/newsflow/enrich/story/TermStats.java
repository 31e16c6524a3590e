package io.newsflow.enrich.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Document frequencies learned from the stream itself, so nothing is trained in advance and the
 * weights follow what the stream talks about. Bounded: when more than {@code maxTerms} terms are
 * counted, every count and the document total are halved and terms that reach zero are dropped (an
 * exponential forgetting that keeps the ratios, hence the weights, of the terms that matter),
 * repeated until at most three quarters of {@code maxTerms} remain.
 *
 * <p>Stored form (after {@link #keepChanges}): a <b>checkpoint</b> of the whole table (a header and
 * parts of at most {@link StateCodec#PART_BYTES}) plus a <b>log</b> of the articles counted since,
 * one record an article holding its terms. Replaying the log over the checkpoint in order redoes
 * exactly what {@link #add} did, halvings included (a halving depends only on the table, which the
 * replay rebuilds). A new checkpoint replaces the log once the log holds as many term entries as
 * the table (at least {@link #MIN_LOG_TERMS}): the stored form stays under twice the table, a
 * restore replays at most one table's worth of counts, and each article writes one record instead
 * of one per term.
 */
final class TermStats {
  /**
   * Pseudo-documents in which no term occurs, added to the count: while the stream is young, the
   * few terms its first articles share would otherwise weigh nothing because they are shared.
   */
  static final double PRIOR_DOCUMENTS = 50;

  /** Term entries the log may hold before a checkpoint replaces it, whatever the table's size. */
  static final int MIN_LOG_TERMS = 100_000;

  /** Key of the checkpoint's header (counters and number of parts). */
  static final String HEADER = "h";

  private static final String PART = "c";
  private static final String LOG = "l";

  private final int maxTerms;
  private final Map<String, int[]> df = new HashMap<>();
  private double documents;
  private long added;
  private long halvings;

  /** {@link #MIN_LOG_TERMS}, lower in tests. */
  private int minLogTerms = MIN_LOG_TERMS;

  /** Whether the stored form is kept (see {@link #keepChanges}). */
  private boolean keeping;

  /** Articles counted since the last {@link #drain}, not yet written: their terms by sequence. */
  private final List<Logged> pending = new ArrayList<>();

  /** Sequence numbers of the log records in the store (those since the stored checkpoint). */
  private final List<Long> logged = new ArrayList<>();

  /** Term entries those log records hold. */
  private long loggedTerms;

  /** Parts of the stored checkpoint. */
  private int parts;

  /** The next drain writes a checkpoint (the store does not hold the table yet). */
  private boolean checkpointDue;

  /** Per-term entries of the previous layout still in the store, removed with the next drain. */
  private List<String> oldTerms = List.of();

  private record Logged(long seq, String[] terms) {}

  TermStats(int maxTerms) {
    this.maxTerms = maxTerms;
  }

  void add(StoryFeatures f) {
    String[] terms = new String[f.words().size() + f.names().size()];
    int i = 0;
    for (String t : f.words().keySet()) {
      terms[i++] = t;
    }
    for (String t : f.names().keySet()) {
      terms[i++] = t;
    }
    long seq = added;
    count(terms);
    if (keeping) {
      pending.add(new Logged(seq, terms));
    }
  }

  /** One document holding {@code terms} (a term twice counts twice), then the bound. */
  private void count(String[] terms) {
    documents++;
    added++;
    for (String term : terms) {
      df.computeIfAbsent(term, t -> new int[1])[0]++;
    }
    if (df.size() > maxTerms) {
      // down to three quarters at least, so that the next halving is far away even when few terms
      // are rare
      while (df.size() > maxTerms * 3L / 4) {
        halve();
      }
    }
  }

  /**
   * From now on, keep the stored form for {@link #drain}. A table that already holds counts is
   * written whole by the next drain.
   */
  void keepChanges() {
    if (!keeping) {
      keeping = true;
      checkpointDue = checkpointDue || added > 0 || !df.isEmpty();
    }
  }

  /** Where {@link #drain} writes: a record under a key of this class's choosing, null removes. */
  interface Sink {
    void put(String key, byte[] bytes);

    void removeOldTerm(String term);
  }

  /**
   * Writes what the articles counted since the last call changed: one log record each, or a new
   * checkpoint (and the removal of the log it replaces) when one is due.
   */
  void drain(Sink out) {
    if (!keeping) {
      return;
    }
    long pendingTerms = 0;
    for (Logged l : pending) {
      pendingTerms += l.terms.length;
    }
    if (checkpointDue || loggedTerms + pendingTerms > Math.max(df.size(), minLogTerms)) {
      checkpoint(out);
    } else {
      for (Logged l : pending) {
        out.put(logKey(l.seq), StateCodec.encodeTerms(l.terms));
        logged.add(l.seq);
      }
      loggedTerms += pendingTerms;
    }
    pending.clear();
  }

  private void checkpoint(Sink out) {
    List<byte[]> written = StateCodec.encodeTable(df);
    for (int i = 0; i < written.size(); i++) {
      out.put(partKey(i), written.get(i));
    }
    for (int i = written.size(); i < parts; i++) {
      out.put(partKey(i), null);
    }
    parts = written.size();
    out.put(
        HEADER, StateCodec.encodeHeader(new StateCodec.Header(documents, added, halvings, parts)));
    for (long seq : logged) {
      out.put(logKey(seq), null);
    }
    logged.clear();
    loggedTerms = 0;
    for (String t : oldTerms) {
      out.removeOldTerm(t);
    }
    oldTerms = List.of();
    checkpointDue = false;
  }

  /**
   * Rebuilds the table from its stored records ({@code records}: key → bytes, as {@link #drain}
   * wrote them) or, when there are none, from the previous layout's per-term counts ({@code
   * oldTerms}), which the next drain replaces by a checkpoint. Call on a fresh instance.
   */
  void restore(Map<String, byte[]> records, Iterable<Map.Entry<String, Integer>> oldTerms) {
    List<String> old = new ArrayList<>();
    oldTerms.forEach(e -> old.add(e.getKey()));
    byte[] header = records.get(HEADER);
    if (header != null) {
      StateCodec.Header h = StateCodec.decodeHeader(header);
      documents = h.documents();
      added = h.added();
      halvings = h.halvings();
      parts = h.parts();
      for (int i = 0; i < h.parts(); i++) {
        byte[] part = records.get(partKey(i));
        if (part == null) {
          throw new IllegalArgumentException("stored term table lacks part " + i);
        }
        StateCodec.decodeTable(part, (t, n) -> df.put(t, new int[] {n}));
      }
    } else {
      // no checkpoint yet: a young stream (its log starts at the first article), or a store of the
      // previous layout (no log; its counters come with the meta record)
      oldTerms.forEach(
          e -> {
            if (e.getValue() > 0) {
              df.put(e.getKey(), new int[] {e.getValue()});
            }
          });
    }
    TreeMap<Long, byte[]> log = new TreeMap<>();
    records.forEach(
        (k, v) -> {
          if (k.startsWith(LOG)) {
            log.put(Long.parseLong(k.substring(LOG.length()), 16), v);
          }
        });
    for (Map.Entry<Long, byte[]> e : log.entrySet()) {
      if (e.getKey() != added) {
        throw new IllegalArgumentException(
            "stored term log has article " + e.getKey() + " where " + added + " was expected");
      }
      String[] terms = StateCodec.decodeTerms(e.getValue());
      count(terms);
      logged.add(e.getKey());
      loggedTerms += terms.length;
    }
    this.oldTerms = old;
    if (!old.isEmpty()) {
      checkpointDue = true;
    }
  }

  private static String logKey(long seq) {
    return LOG + String.format("%016x", seq);
  }

  private static String partKey(int i) {
    return PART + String.format("%08x", i);
  }

  StateCodec.Meta meta(java.time.Instant clock, long arrivals) {
    return new StateCodec.Meta(clock, arrivals, documents, added, halvings);
  }

  /**
   * Takes the counters of the stored meta record. For a table restored from its checkpoint and log
   * they are the ones the replay reached; for the previous layout they are the only record.
   */
  void restore(StateCodec.Meta m) {
    documents = m.documents();
    added = m.added();
    halvings = m.halvings();
  }

  /** Inverse document frequency, smoothed; an unseen term weighs most. */
  double idf(String term) {
    int[] c = df.get(term);
    return Math.log((documents + PRIOR_DOCUMENTS + 1) / ((c == null ? 0 : c[0]) + 0.5));
  }

  /** How many documents hold the term. */
  int df(String term) {
    int[] c = df.get(term);
    return c == null ? 0 : c[0];
  }

  int size() {
    return df.size();
  }

  /** A copy of the table (term → documents), for tests that compare two instances. */
  Map<String, Integer> table() {
    Map<String, Integer> out = new HashMap<>(df.size() * 2);
    df.forEach((t, c) -> out.put(t, c[0]));
    return out;
  }

  /** Sets the smallest log that a checkpoint replaces (tests: to cross many checkpoints). */
  void logLimit(int terms) {
    minLogTerms = terms;
  }

  /** Records of the stored log (not counting pending ones), for tests. */
  int loggedArticles() {
    return logged.size();
  }

  /**
   * Changes each time the number of documents grows by about 1%, and at every halving: the weights
   * within one epoch barely differ, on a young stream and on a long one.
   */
  long epoch() {
    return (long) (Math.log1p(added) * 100) + (halvings << 40);
  }

  private void halve() {
    halvings++;
    documents /= 2;
    df.values().forEach(c -> c[0] /= 2);
    df.values().removeIf(c -> c[0] == 0);
  }
}
