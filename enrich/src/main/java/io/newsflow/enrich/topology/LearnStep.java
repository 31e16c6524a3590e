package io.newsflow.enrich.topology;

import io.newsflow.enrich.text.learn.LineSketch;
import io.newsflow.enrich.text.learn.LineStats;
import io.newsflow.enrich.text.learn.OutletLineLearner;
import io.newsflow.schemas.RawArticle;
import java.net.URI;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Strips the lines an outlet repeats across its articles, learned in a changelogged state store
 * (one bounded sketch per outlet), so the learning survives restarts. One instance per stream task.
 */
final class LearnStep implements GuardedStep.Work<Extracted, Extracted> {
  static final String STORE = "outlet-lines";

  private final OutletLineLearner.Settings settings;
  private OutletLineLearner learner;

  LearnStep(OutletLineLearner.Settings settings) {
    this.settings = settings;
  }

  @Override
  public Extracted apply(String key, Extracted in, FixedKeyProcessorContext<String, ?> context) {
    String outlet = outletKey(in);
    if (outlet == null) {
      return in;
    }
    if (learner == null) {
      KeyValueStore<String, byte[]> store = context.getStateStore(STORE);
      learner = new OutletLineLearner(new StoreLineStats(store), settings);
    }
    return new Extracted(in.raw(), learner.apply(outlet, in.extraction()));
  }

  /**
   * The outlet an article counts for: the raw record's outlet ({@link #outletKey(RawArticle)}),
   * else the page's site name. The topology partitions by the raw record's outlet before this step,
   * so one task holds every article of an outlet that has one.
   */
  static String outletKey(Extracted in) {
    String outlet = outletKey(in.raw());
    if (outlet != null) {
      return outlet;
    }
    String site = in.extraction().siteName();
    return site == null || site.isBlank() ? null : site.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The outlet a raw record names, before any extraction: ingest's outlet name, else the URL's host
   * without {@code www.}; null for a record with neither (a file path and no outlet).
   */
  static String outletKey(RawArticle raw) {
    if (raw.getOutlet() != null && !raw.getOutlet().isBlank()) {
      return raw.getOutlet().strip().toLowerCase(Locale.ROOT);
    }
    String source = raw.getSource();
    if (source != null && (source.startsWith("http://") || source.startsWith("https://"))) {
      try {
        String host = URI.create(source).getHost();
        return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  private record StoreLineStats(KeyValueStore<String, byte[]> store) implements LineStats {
    @Override
    public LineSketch load(String outlet) {
      byte[] bytes = store.get(outlet);
      return bytes == null ? null : LineSketch.fromBytes(bytes);
    }

    @Override
    public void save(String outlet, LineSketch sketch) {
      store.put(outlet, sketch.toBytes());
    }
  }
}
