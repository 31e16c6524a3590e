package io.newsflow.cli;

import io.newsflow.sink.SinkConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where output goes: the options replay, run and sink share. */
final class SinkOptions {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Output folder: articles.jsonl (latest version of each article) and segments/ "
              + "(every record, rolled files with a manifest of offsets). Default: out. Env: NEWSFLOW_OUT_DIR.")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "Segment files: jsonl (default; also keeps DIR/articles.jsonl) or avro (object-container files).")
  String format;

  @Option(
      names = "--postgres",
      paramLabel = "JDBC_URL",
      description =
          "Also write to this PostgreSQL database (jdbc:postgresql://host:5432/db); user and password "
              + "from NEWSFLOW_SINK_POSTGRES_USER / NEWSFLOW_SINK_POSTGRES_PASSWORD. See docs/sinks.md.")
  String postgres;

  /** These options as settings; an option not given leaves lower layers (file, env) in charge. */
  Map<String, Object> settings() {
    Map<String, Object> flags = new HashMap<>();
    flags.put(NewsflowConfig.OUT_DIR_CONFIG, out == null ? null : out.toString());
    flags.put(SinkConfig.FORMAT_CONFIG, format);
    flags.put(SinkConfig.POSTGRES_URL_CONFIG, postgres);
    return flags;
  }
}
