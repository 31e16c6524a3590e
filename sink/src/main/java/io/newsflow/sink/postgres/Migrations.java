package io.newsflow.sink.postgres;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Creates or upgrades the sink's schema with the versioned scripts beside this class. */
public final class Migrations {
  static final String LOCATION = "classpath:io/newsflow/sink/postgres/migration";
  static final String HISTORY_TABLE = "newsflow_schema_history";

  private Migrations() {}

  /** Applies every migration not applied yet; returns the schema version now in place. */
  public static String migrate(PostgresSettings s) {
    MigrateResult r =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(s.jdbcUrl(), s.user(), s.password())
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            .load()
            .migrate();
    return r.targetSchemaVersion != null ? r.targetSchemaVersion : r.initialSchemaVersion;
  }
}
