package io.newsflow.enrich.topology;

import io.newsflow.enrich.text.learn.LineSketch;
import io.newsflow.enrich.text.learn.LineStats;
import io.newsflow.enrich.text.learn.OutletLineLearner;
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
   * The outlet an article counts for: ingest's name, else the page's site name, else the URL's
   * host.
   */
  static String outletKey(Extracted in) {
    if (in.raw().getOutlet() != null && !in.raw().getOutlet().isBlank()) {
      return in.raw().getOutlet().strip().toLowerCase(Locale.ROOT);
    }
    if (in.extraction().siteName() != null && !in.extraction().siteName().isBlank()) {
      return in.extraction().siteName().strip().toLowerCase(Locale.ROOT);
    }
    String source = in.raw().getSource();
    if (source.startsWith("http://") || source.startsWith("https://")) {
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
