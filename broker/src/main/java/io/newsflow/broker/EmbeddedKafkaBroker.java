package io.newsflow.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in this JVM: one KRaft node that is both broker and controller, with its data
 * in a folder of its own. A second start on the same folder reuses the data (topics, offsets) and,
 * when they are free, the same ports. One broker at a time per folder: a start on a folder another
 * broker is using fails at once.
 *
 * <p>Not a mock: clients talk to it over TCP on the loopback interface exactly as they would to a
 * cluster. Close it: a broker that is not shut down keeps non-daemon threads alive.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final String PORTS_FILE = "newsflow-ports.properties";

  /** The log cleaner's dedupe map per node (Kafka's default is 128 MiB of heap). */
  static final int DEDUPE_BUFFER_BYTES = 16 * 1024 * 1024;

  private final Path dataDir;
  private final int brokerPort;
  private final KafkaRaftServer server;
  private final DataDirLock lock;
  private boolean closed;

  private EmbeddedKafkaBroker(
      Path dataDir, int brokerPort, KafkaRaftServer server, DataDirLock lock) {
    this.dataDir = dataDir;
    this.brokerPort = brokerPort;
    this.server = server;
    this.lock = lock;
  }

  /**
   * Starts a broker on {@code dataDir}, formatting the storage on first use, and waits until it
   * answers clients.
   *
   * @param dataDir folder for the broker's logs and metadata; created if missing
   * @param overrides extra broker configs (e.g. {@code num.partitions}); may be empty
   * @param timeout how long to wait for the broker to become ready
   * @throws IllegalStateException when another broker, in this process or another, is using {@code
   *     dataDir} (the message names its process id), or when the broker does not become ready
   */
  public static EmbeddedKafkaBroker start(
      Path dataDir, Map<String, String> overrides, Duration timeout) {
    return start(dataDir, 0, overrides, timeout);
  }

  /**
   * Like {@link #start(Path, Map, Duration)}, with clients' port fixed.
   *
   * @param port the port clients connect to, or 0 to reuse the previous run's or pick a free one
   */
  public static EmbeddedKafkaBroker start(
      Path dataDir, int port, Map<String, String> overrides, Duration timeout) {
    Objects.requireNonNull(dataDir, "dataDir");
    try {
      Files.createDirectories(dataDir);
      Path dir = dataDir.toAbsolutePath();
      // before anything is written: two brokers formatting, choosing ports or appending to one
      // KRaft log corrupt it
      DataDirLock lock = DataDirLock.acquire(dir);
      try {
        return start(dir, lock, port, overrides, timeout);
      } catch (IOException | RuntimeException e) {
        lock.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded broker in " + dataDir, e);
    }
  }

  // holding the folder's lock; closing the broker releases it
  private static EmbeddedKafkaBroker start(
      Path dir, DataDirLock lock, int port, Map<String, String> overrides, Duration timeout)
      throws IOException {
    int[] ports = choosePorts(dir, port);
    Properties props =
        nodeProps(dir, 1, ports[0], ports[1], "1@127.0.0.1:" + ports[1], 1, overrides);
    format(dir, props);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, ports[0], server, lock);
    try {
      server.startup();
      broker.awaitReady(timeout);
    } catch (RuntimeException e) {
      broker.closeServer();
      throw e;
    }
    return broker;
  }

  /** {@code host:port} for clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the broker, then lets another one use its folder. */
  @Override
  public synchronized void close() {
    if (!closed) {
      try {
        closeServer();
      } finally {
        try {
          lock.close();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot release the lock on " + dataDir, e);
        }
      }
    }
  }

  private synchronized void closeServer() {
    if (!closed) {
      closed = true;
      server.shutdown();
      server.awaitShutdown();
    }
  }

  private void awaitReady(Duration timeout) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      // the group coordinator needs __consumer_offsets; creating a throwaway check is not needed,
      // describeCluster answering means the broker has registered with the controller
    } catch (Exception e) {
      throw new IllegalStateException("embedded broker did not become ready within " + timeout, e);
    }
  }

  /**
   * One KRaft node (broker and controller) of a cluster of {@code size} nodes; internal topics get
   * {@code min(size, 3)} replicas and {@code min(size, 2)} in sync.
   */
  static Properties nodeProps(
      Path dir,
      int id,
      int brokerPort,
      int controllerPort,
      CharSequence voters,
      int size,
      Map<String, String> overrides) {
    String replicas = Integer.toString(Math.min(size, 3));
    String inSync = Integer.toString(Math.min(size, 2));
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(id));
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.quorum.voters", voters.toString());
    p.put("log.dirs", dir.resolve("kraft-logs").toString());
    p.put("default.replication.factor", replicas);
    p.put("min.insync.replicas", inSync);
    p.put("offsets.topic.replication.factor", replicas);
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", replicas);
    p.put("transaction.state.log.min.isr", inSync);
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", replicas);
    p.put("share.coordinator.state.topic.min.isr", inSync);
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "4");
    p.put("auto.create.topics.enable", "false");
    // raw pages up to the ingest cap (20 MiB by default) must fit in one record
    p.put("message.max.bytes", Integer.toString(26 * 1024 * 1024));
    p.put("replica.fetch.max.bytes", Integer.toString(26 * 1024 * 1024));
    // The log cleaner's dedupe map is a heap buffer allocated when the broker starts and held for
    // its whole life: Kafka's default (128 MiB) is a fifth of the 640 MiB heap newsflow runs in,
    // for each in-process node. 16 MiB maps ~600,000 keys a cleaning pass (24 bytes a key); a
    // larger dirty section is cleaned in several passes, which Kafka does by itself. (A replay's
    // speed and peak heap did not change measurably: docs/performance.md.)
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(DEDUPE_BUFFER_BYTES));
    p.putAll(overrides);
    return p;
  }

  /** Formats the storage once; a folder with meta.properties is already formatted. */
  private static void format(Path dir, Properties props) throws IOException {
    format(dir, props, Uuid.randomUuid().toString());
  }

  /**
   * Formats {@code dir/kraft-logs} for cluster {@code clusterId} unless it already holds a node's
   * data; every node of one cluster is formatted with the same id.
   */
  static void format(Path dir, Properties props, String clusterId) throws IOException {
    Path logs = dir.resolve("kraft-logs");
    if (Files.exists(logs.resolve("meta.properties"))) {
      return;
    }
    Path config = dir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      props.store(out, "written by newsflow for the storage format step");
    }
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int rc;
    try (PrintStream ps = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      rc =
          StorageTool.execute(
              new String[] {"format", "-t", clusterId, "-c", config.toString()}, ps);
    }
    if (rc != 0) {
      throw new IllegalStateException(
          "formatting broker storage failed: " + captured.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * Reuses the ports of the previous run on this folder when free, so clients' settings stay valid.
   */
  private static int[] choosePorts(Path dir, int fixedBrokerPort) throws IOException {
    Path file = dir.resolve(PORTS_FILE);
    Properties saved = new Properties();
    if (Files.exists(file)) {
      try (var in = Files.newInputStream(file)) {
        saved.load(in);
      }
    }
    int broker = fixedBrokerPort > 0 ? fixedBrokerPort : reuseOrPick(saved.getProperty("broker"));
    int controller = reuseOrPick(saved.getProperty("controller"));
    while (controller == broker) {
      controller = freePort();
    }
    saved.setProperty("broker", Integer.toString(broker));
    saved.setProperty("controller", Integer.toString(controller));
    try (OutputStream out = Files.newOutputStream(file)) {
      saved.store(out, "ports of the embedded broker");
    }
    return new int[] {broker, controller};
  }

  private static int reuseOrPick(String previous) throws IOException {
    if (previous != null) {
      int port = Integer.parseInt(previous.strip());
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
        return port;
      } catch (IOException taken) {
        // fall through to a fresh port
      }
    }
    return freePort();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
