package io.newsflow.sink;

import io.newsflow.schemas.Topics;
import io.newsflow.sink.file.FileFormat;
import io.newsflow.sink.file.FileSink;
import io.newsflow.sink.file.FileSinkSettings;
import io.newsflow.sink.postgres.PostgresSettings;
import io.newsflow.sink.postgres.PostgresSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * The sink's settings ({@code sink.*} keys; in the environment {@code NEWSFLOW_SINK_POSTGRES_URL}
 * and so on). Unknown keys are ignored, so the whole newsflow configuration can be passed in.
 */
public final class SinkConfig extends AbstractConfig {
  public static final String FORMAT_CONFIG = "sink.format";
  static final String FORMAT_DOC = "Encoding of the rolled segment files: jsonl (default) or avro.";
  public static final String ROLL_BYTES_CONFIG = "sink.roll.bytes";
  static final String ROLL_BYTES_DOC = "A segment file is committed once it holds this many bytes.";
  public static final String ROLL_MS_CONFIG = "sink.roll.ms";
  static final String ROLL_MS_DOC =
      "A segment file is committed at the latest this long after its first record.";
  public static final String TOPICS_CONFIG = "sink.topics";
  static final String TOPICS_DOC = "Topics to consume (EnrichedArticle values), comma-separated.";
  public static final String GROUP_CONFIG = "sink.group";
  static final String GROUP_DOC =
      "Consumer group of the file sink. An output folder resumes from the offsets in its own manifest; "
          + "a new folder starts where this group left off, or at the beginning for a new group.";
  public static final String POSTGRES_URL_CONFIG = "sink.postgres.url";
  static final String POSTGRES_URL_DOC =
      "JDBC URL of a PostgreSQL database to write to as well (jdbc:postgresql://host:5432/db); empty: none.";
  public static final String POSTGRES_USER_CONFIG = "sink.postgres.user";
  static final String POSTGRES_USER_DOC = "PostgreSQL user; empty: the one in the URL, if any.";
  public static final String POSTGRES_PASSWORD_CONFIG = "sink.postgres.password";
  static final String POSTGRES_PASSWORD_DOC =
      "PostgreSQL password (prefer the environment: NEWSFLOW_SINK_POSTGRES_PASSWORD).";
  public static final String POSTGRES_GROUP_CONFIG = "sink.postgres.group";
  static final String POSTGRES_GROUP_DOC =
      "Consumer group of the PostgreSQL sink; its positions are kept in the table sink_offsets.";

  public static final ConfigDef DEF =
      new ConfigDef()
          .define(
              FORMAT_CONFIG,
              Type.STRING,
              "jsonl",
              ConfigDef.ValidString.in("jsonl", "avro"),
              Importance.MEDIUM,
              FORMAT_DOC)
          .define(
              ROLL_BYTES_CONFIG,
              Type.LONG,
              FileSinkSettings.DEFAULT_ROLL_BYTES,
              Range.atLeast(1),
              Importance.LOW,
              ROLL_BYTES_DOC)
          .define(
              ROLL_MS_CONFIG,
              Type.LONG,
              FileSinkSettings.DEFAULT_ROLL_INTERVAL.toMillis(),
              Range.atLeast(0),
              Importance.LOW,
              ROLL_MS_DOC)
          .define(TOPICS_CONFIG, Type.LIST, Topics.ENRICHED.name(), Importance.LOW, TOPICS_DOC)
          .define(GROUP_CONFIG, Type.STRING, SinkRunner.DEFAULT_GROUP, Importance.LOW, GROUP_DOC)
          .define(POSTGRES_URL_CONFIG, Type.STRING, "", Importance.MEDIUM, POSTGRES_URL_DOC)
          .define(POSTGRES_USER_CONFIG, Type.STRING, "", Importance.MEDIUM, POSTGRES_USER_DOC)
          .define(
              POSTGRES_PASSWORD_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              POSTGRES_PASSWORD_DOC)
          .define(
              POSTGRES_GROUP_CONFIG,
              Type.STRING,
              "newsflow-sink-postgres",
              Importance.LOW,
              POSTGRES_GROUP_DOC);

  public SinkConfig(Map<?, ?> props) {
    super(DEF, props, false);
  }

  public List<String> topics() {
    return getList(TOPICS_CONFIG);
  }

  /** The file sink's consumer group. */
  public String group() {
    return getString(GROUP_CONFIG);
  }

  /** The file sink writing into {@code outDir}. */
  public FileSinkSettings files(Path outDir) {
    FileFormat format = FileFormat.parse(getString(FORMAT_CONFIG));
    return new FileSinkSettings(
        outDir,
        format,
        getLong(ROLL_BYTES_CONFIG),
        Duration.ofMillis(getLong(ROLL_MS_CONFIG)),
        format == FileFormat.JSONL);
  }

  /** The PostgreSQL sink's settings, when a URL is configured. */
  public Optional<PostgresSettings> postgres() {
    String url = getString(POSTGRES_URL_CONFIG).strip();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    String user = getString(POSTGRES_USER_CONFIG).strip();
    Password pw = getPassword(POSTGRES_PASSWORD_CONFIG);
    return Optional.of(
        new PostgresSettings(
            url,
            user.isEmpty() ? null : user,
            pw == null ? null : pw.value(),
            getString(POSTGRES_GROUP_CONFIG)));
  }

  public static FileSink openFiles(FileSinkSettings s) throws IOException {
    return new FileSink(s);
  }

  public static PostgresSink openPostgres(PostgresSettings s) throws IOException {
    return new PostgresSink(s);
  }
}
