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
 * <p>The first {@code warmup} seconds are sent at the same rate but not counted (group joins, and
 * above all the JIT: broker, clients, Streams and newsflow in one JVM keep two cores' compiler
 * threads busy for about two minutes, a third of the process's CPU after 70 s). The default, 120 s,
 * measures the running service; 10 s measures the minutes after a start.
 *
 * <p>With {@code from=enriched} no enrich stage runs: enriched articles are produced straight to
 * {@code news.enriched}, which measures the sink's own share of the latency.
 *
 * <p>Besides the end-to-end figure, a probe consumer ({@code read_committed}, like the sink) notes
 * when each article becomes visible on {@code news.enriched}, which splits the latency into the
 * enrich share and the sink share, and the counted seconds are reported in 5-second windows so a
 * stall shows where it happened.
 *
 * <p>Usage: {@code SinkLatencyBench SEEDS_DIR [postgres|jsonl] [rate=100] [seconds=30] [warmup=120]
 * [from=raw|enriched] [enrich-threads=cores]}
 */
public final class SinkLatencyBench {
  private SinkLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Path seeds = Path.of(args.length > 0 ? args[0] : "../shared/seeds");
    String sinkKind = args.length > 1 ? args[1] : "postgres";
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 120;
    boolean fromRaw = !(args.length > 5 && args[5].equals("enriched"));
    // the same default as the CLI's enrich.threads: one stream thread per core
    int threads =
        args.length > 6 ? Integer.parseInt(args[6]) : Runtime.getRuntime().availableProcessors();
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
    Map<String, Long> enrichedAt = new ConcurrentHashMap<>();
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(total);
    Tagger tagger = Tagger.loadDefault();
    double cores;
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
                long now = System.nanoTime();
                Long t0 = sentAt.remove(a.getId());
                if (t0 != null) {
                  int seq = Integer.parseInt(a.getId().substring(4));
                  if (seq >= counted) {
                    samples.add(new Sample(seq, t0, enrichedAt.getOrDefault(a.getId(), -1L), now));
                  }
                  done.countDown();
                }
              },
              List.of(Topics.ENRICHED.name()));
      Thread sinkThread = new Thread(runner, "latency-sink");
      EnrichedProbe probe = new EnrichedProbe(bootstrap, enrichedAt);
      Thread probeThread = new Thread(probe, "latency-probe");
      try (EnrichService enrich =
          new EnrichService(
              Map.of(
                  "bootstrap.servers",
                  bootstrap,
                  "state.dir",
                  work.resolve("streams").toString(),
                  "num.stream.threads",
                  threads),
              new EnrichSettings(ExtractorSettings.defaults(), tagger))) {
        probeThread.start();
        if (fromRaw) {
          enrich.start();
        }
        sinkThread.start();
        if (fromRaw && !enrich.awaitRunning(Duration.ofSeconds(120))) {
          throw new IllegalStateException("enrich did not start");
        }
        Thread.sleep(3000); // let the sink's consumer join its group before the clock starts
        long[] countedFrom = new long[2];
        produceAtRate(
            bootstrap,
            bodies,
            rate,
            total,
            sentAt,
            fromRaw,
            counted,
            () -> {
              countedFrom[0] = processCpuNanos();
              countedFrom[1] = System.nanoTime();
            });
        cores =
            (processCpuNanos() - countedFrom[0]) / (double) (System.nanoTime() - countedFrom[1]);
        if (!done.await(120, TimeUnit.SECONDS)) {
          System.out.printf(
              "only %d of %d articles reached the sink%n", total - done.getCount(), total);
        }
      } finally {
        runner.close();
        probe.close();
        sinkThread.join(30_000);
        probeThread.join(30_000);
      }
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
    String path = (fromRaw ? "news.raw" : "news.enriched") + " -> " + sinkKind;
    LatencyReport.print(path, rate, fromRaw ? threads : 0, samples, warmup);
    System.out.printf(
        Locale.ROOT,
        "  this JVM (broker, enrich, sink, producer) used %.2f cores in the counted seconds%n",
        cores);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static void produceAtRate(
      String bootstrap,
      List<byte[]> bodies,
      int rate,
      int total,
      Map<String, Long> sentAt,
      boolean raw,
      int counted,
      Runnable onCountStart)
      throws InterruptedException {
    long interval = 1_000_000_000L / rate;
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 0),
            new StringSerializer(),
            new ByteArraySerializer())) {
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        if (i == counted) {
          onCountStart.run();
        }
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
}
