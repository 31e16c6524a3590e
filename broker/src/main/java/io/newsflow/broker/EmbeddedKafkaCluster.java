package io.newsflow.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka cluster of several KRaft nodes in this JVM, each both broker and controller, each
 * with its own folder and ports, talking to each other over TCP on the loopback interface. The
 * internal topics are replicated to every node (at most 3) and need two in sync, as a production
 * cluster would set them, so a cluster of three rides out the loss of any one node. For tests that
 * stop a broker mid-stream ({@link #stop(int)}); {@link EmbeddedKafkaBroker} is the single node the
 * CLI runs.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
  private final List<Node> nodes;

  private record Node(int id, int port, KafkaRaftServer server, boolean[] stopped) {}

  private EmbeddedKafkaCluster(List<Node> nodes) {
    this.nodes = nodes;
  }

  /**
   * Formats and starts {@code size} nodes under {@code dir} (one sub-folder each) and waits until
   * all of them have registered.
   *
   * @param size number of nodes, 1 to 5 (a controller quorum larger than 5 is pointless here)
   * @param overrides extra broker configs for every node; may be empty
   * @throws IllegalStateException when the cluster does not become ready within {@code timeout}
   */
  public static EmbeddedKafkaCluster start(
      Path dir, int size, Map<String, String> overrides, Duration timeout) {
    Objects.requireNonNull(dir, "dir");
    if (size < 1 || size > 5) {
      throw new IllegalArgumentException("a cluster of 1 to 5 nodes, not " + size);
    }
    try {
      int[] brokerPorts = new int[size];
      int[] controllerPorts = new int[size];
      List<Integer> taken = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        brokerPorts[i] = distinctFreePort(taken);
        controllerPorts[i] = distinctFreePort(taken);
      }
      StringBuilder voters = new StringBuilder();
      for (int i = 0; i < size; i++) {
        voters
            .append(i == 0 ? "" : ",")
            .append(i + 1)
            .append("@127.0.0.1:")
            .append(controllerPorts[i]);
      }
      String clusterId = Uuid.randomUuid().toString();
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        Path nodeDir = dir.toAbsolutePath().resolve("node-" + (i + 1));
        Files.createDirectories(nodeDir);
        Properties props =
            EmbeddedKafkaBroker.nodeProps(
                nodeDir, i + 1, brokerPorts[i], controllerPorts[i], voters, size, overrides);
        EmbeddedKafkaBroker.format(nodeDir, props, clusterId);
        nodes.add(
            new Node(
                i + 1,
                brokerPorts[i],
                new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM),
                new boolean[1]));
      }
      EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(nodes);
      try {
        // a node's start-up waits for the controller quorum, which needs the other nodes up
        CompletableFuture.allOf(
                nodes.stream()
                    .map(n -> CompletableFuture.runAsync(() -> n.server().startup()))
                    .toArray(CompletableFuture[]::new))
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        cluster.awaitNodes(size, timeout);
      } catch (Exception e) {
        cluster.close();
        throw new IllegalStateException("embedded cluster did not start within " + timeout, e);
      }
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded cluster in " + dir, e);
    }
  }

  /** {@code host:port} of every node that runs, for clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return nodes.stream()
        .filter(n -> !n.stopped()[0])
        .map(n -> "127.0.0.1:" + n.port())
        .collect(Collectors.joining(","));
  }

  /** Node ids, 1 to size. */
  public List<Integer> nodeIds() {
    return nodes.stream().map(Node::id).toList();
  }

  /**
   * Stops one node (its broker and its controller), as a broker that is shut down mid-stream. The
   * others keep serving; clients fail over to them.
   */
  public synchronized void stop(int nodeId) {
    Node n = nodes.get(nodeId - 1);
    if (!n.stopped()[0]) {
      n.stopped()[0] = true;
      n.server().shutdown();
      n.server().awaitShutdown();
    }
  }

  @Override
  public synchronized void close() {
    for (Node n : nodes) {
      stop(n.id());
    }
  }

  private void awaitNodes(int size, Duration timeout) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size()
          < size) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("fewer than " + size + " nodes registered");
        }
        Thread.sleep(100);
      }
    }
  }

  private static int distinctFreePort(List<Integer> taken) throws IOException {
    int port = EmbeddedKafkaBroker.freePort();
    while (taken.contains(port)) {
      port = EmbeddedKafkaBroker.freePort();
    }
    taken.add(port);
    return port;
  }
}
