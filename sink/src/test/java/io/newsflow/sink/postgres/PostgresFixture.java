package io.newsflow.sink.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server per test JVM: Testcontainers' {@code postgres} image where a Docker
 * engine runs, else {@link LocalPostgres} from the Maven-shipped binaries. Each test gets a
 * database of its own ({@link #freshDatabase}). Stopped at JVM exit.
 */
public final class PostgresFixture {
  static final String IMAGE = "postgres:16-alpine";
  private static PostgresFixture shared;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final String baseUrl;
  private final String user;
  private final String password;
  private final String kind;

  private PostgresFixture(String jdbcUrl, String user, String password, String kind) {
    this.baseUrl = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
    this.user = user;
    this.password = password;
    this.kind = kind;
  }

  public static synchronized PostgresFixture shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  /** "testcontainers" or "local". */
  public String kind() {
    return kind;
  }

  /** Creates an empty database and returns settings for a sink writing there as {@code group}. */
  public PostgresSettings freshDatabase(String group) throws SQLException {
    String name = "t" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection(baseUrl + "postgres", user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new PostgresSettings(baseUrl + name, user, password, group);
  }

  public static Connection connect(PostgresSettings s) throws SQLException {
    return DriverManager.getConnection(
        s.jdbcUrl(), s.user(), s.password() == null ? "" : s.password());
  }

  private static PostgresFixture start() {
    if (!"local".equals(System.getenv("NEWSFLOW_TEST_POSTGRES")) && dockerAvailable()) {
      PostgreSQLContainer pg = new PostgreSQLContainer(IMAGE);
      pg.start();
      Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "postgres-container-stop"));
      return new PostgresFixture(
          pg.getJdbcUrl(), pg.getUsername(), pg.getPassword(), "testcontainers");
    }
    LocalPostgres pg = LocalPostgres.start(Duration.ofSeconds(120)); // stops itself at JVM exit
    return new PostgresFixture(pg.jdbcUrl(), pg.user(), "", "local");
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
