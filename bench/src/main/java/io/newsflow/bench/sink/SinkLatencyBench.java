package io.newsflow.bench.sink;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.text.ExtractorSettings;
import io.newsflow.enrich.topology.EnrichSettings;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.Via;
import io.newsflow.sink.RecordSink;
import io.newsflow.sink.SinkRunner;
import io.newsflow.sink.file.FileFormat;
import io.newsflow.sink.file.FileSink;
import io.newsflow.sink.file.FileSinkSettings;
import io.newsflow.sink.postgres.LocalPostgres;
import io.newsflow.sink.postgres.PostgresSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Latency from {@code news.raw} to a sink row: raw articles (the seed corpus, each made unique) are
 * produced at a steady rate into an in-process broker; the enrich topology (exactly-once) and a
 * sink run beside it; each article's latency is the time from its send to the moment the sink's
 * batch holding it was committed (PostgreSQL: the transaction; files: the view's fsync).
 *
 * <p>The first {@code warmup} seconds are sent at the same rate but not counted (JIT, group joins).
 *
 * <p>With {@code from=enriched} no enrich stage runs: enriched articles are produced straight to
 * {@code news.enriched}, which measures the sink's own share of the latency.
 *
 * <p>Usage: {@code SinkLatencyBench SEEDS_DIR [postgres|jsonl] [rate=100] [seconds=30] [warmup=10]
 * [from=raw|enriched]}
 */
public final class SinkLatencyBench {
  private SinkLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Path seeds = Path.of(args.length > 0 ? args[0] : "../shared/seeds");
    String sinkKind = args.length > 1 ? args[1] : "postgres";
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    boolean fromRaw = !(args.length > 5 && args[5].equals("enriched"));
    List<byte[]> bodies = new ArrayList<>();
    try (Stream<Path> files = Files.list(seeds)) {
      for (Path p : files.sorted().toList()) {
        bodies.add(Files.readAllBytes(p));
      }
    }
    Path work = Files.createTempDirectory("newsflow-latency-bench");
    int total = rate * (seconds + warmup);
    int counted = rate * warmup;
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(total);
    Tagger tagger = Tagger.loadDefault();
    LocalPostgres pg =
        sinkKind.equals("postgres") ? LocalPostgres.start(Duration.ofSeconds(120)) : null;
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(work.resolve("kafka"), Map.of(), Duration.ofSeconds(90))) {
      String bootstrap = broker.bootstrapServers();
      List<TopicSpec<?, ?>> topics = new ArrayList<>(Topics.fixed());
      tagger.topicNames().forEach(t -> topics.add(Topics.forTag(t)));
      try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
        new TopicAdmin(admin, 4, (short) 1, Duration.ofSeconds(60)).ensure(topics);
      }
      RecordSink sink =
          pg != null
              ? new PostgresSink(pg.settings("latency"))
              : new FileSink(
                  new FileSinkSettings(
                      work.resolve("out"),
                      FileFormat.JSONL,
                      FileSinkSettings.DEFAULT_ROLL_BYTES,
                      FileSinkSettings.DEFAULT_ROLL_INTERVAL,
                      true));
      SinkRunner runner =
          new SinkRunner(
              Map.of("bootstrap.servers", bootstrap),
              sink,
              (a, o) -> {
                Long t0 = sentAt.remove(a.getId());
                if (t0 != null) {
                  if (Integer.parseInt(a.getId().substring(4)) >= counted) {
                    latencies.add(System.nanoTime() - t0);
                  }
                  done.countDown();
                }
              },
              List.of(Topics.ENRICHED.name()));
      Thread sinkThread = new Thread(runner, "latency-sink");
      try (EnrichService enrich =
          new EnrichService(
              Map.of(
                  "bootstrap.servers", bootstrap, "state.dir", work.resolve("streams").toString()),
              new EnrichSettings(ExtractorSettings.defaults(), tagger))) {
        if (fromRaw) {
          enrich.start();
        }
        sinkThread.start();
        if (fromRaw && !enrich.awaitRunning(Duration.ofSeconds(120))) {
          throw new IllegalStateException("enrich did not start");
        }
        Thread.sleep(3000); // let the sink's consumer join its group before the clock starts
        produceAtRate(bootstrap, bodies, rate, total, sentAt, fromRaw);
        if (!done.await(120, TimeUnit.SECONDS)) {
          System.out.printf(
              "only %d of %d articles reached the sink%n", total - done.getCount(), total);
        }
      } finally {
        runner.close();
        sinkThread.join(30_000);
      }
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
    report((fromRaw ? "news.raw" : "news.enriched") + " -> " + sinkKind, rate, latencies);
  }

  static void produceAtRate(
      String bootstrap,
      List<byte[]> bodies,
      int rate,
      int total,
      Map<String, Long> sentAt,
      boolean raw)
      throws InterruptedException {
    long interval = 1_000_000_000L / rate;
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 0),
            new StringSerializer(),
            new ByteArraySerializer())) {
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        String id = String.format("lat-%07d", i);
        byte[] body =
            (new String(bodies.get(i % bodies.size()), StandardCharsets.UTF_8) + "\n\n(" + id + ")")
                .getBytes(StandardCharsets.UTF_8);
        RawArticle rawArticle =
            RawArticle.newBuilder()
                .setId(id)
                .setSource("bench/" + id + ".txt")
                .setOutlet("Bench")
                .setVia(Via.REPLAY)
                .setFetchedAt(Instant.now())
                .setContentType("text/plain")
                .setCharset("UTF-8")
                .setBody(ByteBuffer.wrap(body))
                .setVersion(1)
                .build();
        sentAt.put(id, System.nanoTime());
        if (raw) {
          p.send(
              new ProducerRecord<>(
                  Topics.RAW.name(),
                  id,
                  Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), rawArticle)));
        } else {
          var enriched = BenchArticles.article(i, 7);
          enriched.setId(id);
          p.send(
              new ProducerRecord<>(
                  Topics.ENRICHED.name(),
                  id,
                  Topics.ENRICHED
                      .valueSerde()
                      .serializer()
                      .serialize(Topics.ENRICHED.name(), enriched)));
        }
      }
      p.flush();
    }
  }

  static void report(String sink, int rate, List<Long> latencies) {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.println("no article reached the sink");
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%s at %d articles/s, %d articles: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        sink,
        rate,
        sorted.size(),
        ms(sorted, 0.50),
        ms(sorted, 0.95),
        ms(sorted, 0.99),
        sorted.get(sorted.size() - 1) / 1e6);
  }

  static double ms(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
  }
}
