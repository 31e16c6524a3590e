package io.newsflow.bench.sink;

import io.newsflow.broker.EmbeddedKafkaBroker;
import io.newsflow.schemas.TopicAdmin;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.RecordSink;
import io.newsflow.sink.SinkRunner;
import io.newsflow.sink.file.FileFormat;
import io.newsflow.sink.file.FileSink;
import io.newsflow.sink.file.FileSinkSettings;
import io.newsflow.sink.postgres.LocalPostgres;
import io.newsflow.sink.postgres.PostgresSettings;
import io.newsflow.sink.postgres.PostgresSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Articles per second from a Kafka topic into each sink, through the real consumer loop ({@link
 * SinkRunner}: read_committed poll, decode, write, fsync/commit). N articles are produced once to
 * an in-process broker; each round drains them with a fresh consumer group into a fresh output and
 * is timed from the first article handled until the runner has stopped with everything durable.
 *
 * <p>Usage: {@code SinkThroughputBench [jsonl|avro|postgres|all] [articles=20000] [rounds=5]}
 */
public final class SinkThroughputBench {
  private SinkThroughputBench() {}

  interface SinkFactory {
    RecordSink open(int round) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path work = Files.createTempDirectory("newsflow-sink-bench");
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(work.resolve("kafka"), Map.of(), Duration.ofSeconds(90))) {
      String topic = "bench.enriched";
      produce(broker.bootstrapServers(), topic, n);
      System.out.printf(
          Locale.ROOT,
          "%d articles (~4 KB text each) in %s, 4 partitions; %d rounds each%n",
          n,
          topic,
          rounds);
      if (which.equals("all") || which.equals("jsonl")) {
        run(
            "jsonl (segments + articles.jsonl view)",
            broker,
            topic,
            n,
            rounds,
            r ->
                new FileSink(
                    new FileSinkSettings(
                        work.resolve("jsonl-" + r),
                        FileFormat.JSONL,
                        FileSinkSettings.DEFAULT_ROLL_BYTES,
                        FileSinkSettings.DEFAULT_ROLL_INTERVAL,
                        true)));
      }
      if (which.equals("all") || which.equals("avro")) {
        run(
            "avro (segments)",
            broker,
            topic,
            n,
            rounds,
            r ->
                new FileSink(
                    new FileSinkSettings(
                        work.resolve("avro-" + r),
                        FileFormat.AVRO,
                        FileSinkSettings.DEFAULT_ROLL_BYTES,
                        FileSinkSettings.DEFAULT_ROLL_INTERVAL,
                        false)));
      }
      if (which.equals("all") || which.equals("postgres")) {
        try (LocalPostgres pg = LocalPostgres.start(Duration.ofSeconds(120))) {
          run(
              "postgres (batched upsert, offsets in the transaction)",
              broker,
              topic,
              n,
              rounds,
              r -> {
                try (Connection c = pg.connect();
                    Statement s = c.createStatement()) {
                  s.execute("CREATE DATABASE bench" + r);
                }
                return new PostgresSink(
                    new PostgresSettings(
                        pg.jdbcUrl().replace("/postgres", "/bench" + r), pg.user(), null, "bench"));
              });
          for (int r = 0; r < rounds; r++) {
            drainSearchIndex(pg.jdbcUrl().replace("/postgres", "/bench" + r), pg.user());
          }
        }
      }
    }
  }

  static void run(
      String label,
      EmbeddedKafkaBroker broker,
      String topic,
      int n,
      int rounds,
      SinkFactory factory)
      throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      RecordSink sink = factory.open(r);
      AtomicLong first = new AtomicLong();
      AtomicLong count = new AtomicLong();
      CountDownLatch all = new CountDownLatch(1);
      SinkRunner runner =
          new SinkRunner(
              Map.of(
                  "bootstrap.servers",
                  broker.bootstrapServers(),
                  "group.id",
                  "bench-" + label.hashCode() + "-" + r),
              sink,
              (a, o) -> {
                first.compareAndSet(0, System.nanoTime());
                if (count.incrementAndGet() == n) {
                  all.countDown();
                }
              },
              List.of(topic));
      Thread t = new Thread(runner, "bench-sink");
      t.start();
      if (!all.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("round did not finish: " + count.get() + " of " + n);
      }
      runner.close();
      t.join();
      double seconds = (System.nanoTime() - first.get()) / 1e9;
      rates.add(n / seconds);
      System.out.printf(
          Locale.ROOT,
          "  %-55s round %d: %,.0f articles/s (%.2f s)%n",
          label,
          r + 1,
          n / seconds,
          seconds);
    }
    rates.sort(Double::compare);
    System.out.printf(
        Locale.ROOT,
        "%-57s median %,.0f articles/s over %d rounds%n",
        label,
        rates.get(rates.size() / 2),
        rounds);
  }

  /**
   * The sink's search indexer runs beside it and stops with it: how much was left, and how fast it
   * goes.
   */
  static void drainSearchIndex(String url, String user) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      long pending;
      try (var rs = s.executeQuery("SELECT count(*) FROM articles WHERE search IS NULL")) {
        rs.next();
        pending = rs.getLong(1);
      }
      long t0 = System.nanoTime();
      int done;
      do {
        try (var rs = s.executeQuery("SELECT newsflow_index_search(500)")) {
          rs.next();
          done = rs.getInt(1);
        }
      } while (done > 0);
      double sec = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "  search vectors still pending when the sink stopped: %d; indexed afterwards at %,.0f articles/s%n",
          pending,
          pending / Math.max(sec, 1e-9));
    }
  }

  static void produce(String bootstrap, String topic, int n) {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      new TopicAdmin(admin, 4, (short) 1, Duration.ofSeconds(60))
          .ensure(
              List.of(
                  new TopicSpec<>(topic, Serdes.String(), Topics.ENRICHED.valueSerde(), false)));
    }
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "acks",
                "all",
                "linger.ms",
                10,
                "batch.size",
                256 * 1024),
            new StringSerializer(),
            new ByteArraySerializer())) {
      long seed = System.nanoTime();
      for (int i = 0; i < n; i++) {
        var a = BenchArticles.article(i, seed);
        p.send(
            new ProducerRecord<>(
                topic, a.getId(), Topics.ENRICHED.valueSerde().serializer().serialize(topic, a)));
      }
      p.flush();
    }
  }
}
