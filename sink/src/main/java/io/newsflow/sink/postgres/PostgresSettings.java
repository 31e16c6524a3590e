package io.newsflow.sink.postgres;

import java.util.Objects;

/**
 * Where the PostgreSQL sink writes.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://localhost:5432/newsflow}
 * @param user database user (may be null when the URL carries it)
 * @param password the user's password (may be null)
 * @param consumerGroup whose positions the {@code sink_offsets} rows are (the Kafka group id)
 */
public record PostgresSettings(String jdbcUrl, String user, String password, String consumerGroup) {
  public PostgresSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(consumerGroup, "consumerGroup");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
  }

  @Override
  public String toString() {
    return "PostgresSettings[" + jdbcUrl + ", user=" + user + ", group=" + consumerGroup + "]";
  }
}
