package io.newsflow.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.api.RootLoggerComponentBuilder;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;

/**
 * Where log lines go once a command knows its data folder. Everything (Kafka, Streams, the broker,
 * libraries and newsflow) goes at INFO to a rolling file, {@code <data.dir>/logs/newsflow.log}. The
 * console shows newsflow's own warnings and errors as one line each (their stack traces go to the
 * file), and other loggers' lines only from {@code log.level} up ({@code off} by default; {@code
 * --verbose} is {@code info}). java.util.logging is bridged into the same rules.
 */
final class Logs {
  static final String FILE_NAME = "newsflow.log";
  private static final String FILE_PATTERN = "%d{ISO8601} %-5level [%t] %c - %msg%n%throwable";
  private static final String OWN_PATTERN =
      "newsflow: %level{WARN=warning, ERROR=error, FATAL=error, INFO=info, DEBUG=debug, TRACE=trace}:"
          + " %msg%n";
  private static final String LIBRARY_PATTERN = "%d{HH:mm:ss} %-5level %c{1} - %msg%n%throwable";

  private Logs() {}

  /**
   * Parses a level name as the {@code log.level} setting takes it.
   *
   * @throws IllegalArgumentException naming the accepted levels
   */
  static Level level(String name) {
    Level l = Level.toLevel(name.strip().toUpperCase(Locale.ROOT), null);
    if (l == null) {
      throw new IllegalArgumentException(
          "log.level '" + name + "' is not one of off, error, warn, info, debug, trace");
    }
    return l;
  }

  /** The file log lines go to under a data folder. */
  static Path file(Path dataDir) {
    return dataDir.resolve("logs").resolve(FILE_NAME).toAbsolutePath();
  }

  /**
   * Sends every logger to the rolling file under {@code dataDir}, newsflow's warnings and errors to
   * the console, and other loggers' lines to the console from {@code libraryConsole} up.
   */
  static void configure(Path dataDir, Level libraryConsole) {
    ConfigurationBuilder<BuiltConfiguration> b =
        ConfigurationBuilderFactory.newConfigurationBuilder();
    b.setConfigurationName("newsflow");
    b.setStatusLevel(Level.ERROR);
    Path file = file(dataDir);
    AppenderComponentBuilder rolling =
        b.newAppender("file", "RollingFile")
            .addAttribute("fileName", file.toString())
            .addAttribute("filePattern", file.resolveSibling("newsflow-%i.log.gz").toString())
            .add(b.newLayout("PatternLayout").addAttribute("pattern", FILE_PATTERN))
            .addComponent(
                b.newComponent("Policies")
                    .addComponent(
                        b.newComponent("SizeBasedTriggeringPolicy").addAttribute("size", "20 MB")))
            .addComponent(b.newComponent("DefaultRolloverStrategy").addAttribute("max", "5"));
    b.add(rolling);
    b.add(console(b, "own", OWN_PATTERN, false));
    b.add(console(b, "library", LIBRARY_PATTERN, true));
    Level rootLevel = libraryConsole.isMoreSpecificThan(Level.INFO) ? Level.INFO : libraryConsole;
    RootLoggerComponentBuilder root =
        b.newRootLogger(rootLevel).add(b.newAppenderRef("file").addAttribute("level", Level.INFO));
    root.add(b.newAppenderRef("library").addAttribute("level", libraryConsole));
    b.add(root);
    b.add(
        b.newLogger("io.newsflow", rootLevel)
            .addAttribute("additivity", false)
            .add(b.newAppenderRef("file").addAttribute("level", Level.INFO))
            .add(b.newAppenderRef("own").addAttribute("level", Level.WARN)));
    Configurator.reconfigure(b.build());
    // java.util.logging (Apicurio's Vert.x client, the PostgreSQL driver) follows the same rules
    // instead of its own console handler; levels are carried over so JUL skips what log4j drops
    Log4jBridgeHandler.install(true, null, true);
  }

  private static AppenderComponentBuilder console(
      ConfigurationBuilder<BuiltConfiguration> b, String name, String pattern, boolean traces) {
    // follow: a test that swaps System.err sees the lines
    return b.newAppender(name, "Console")
        .addAttribute("target", "SYSTEM_ERR")
        .addAttribute("follow", true)
        .add(
            b.newLayout("PatternLayout")
                .addAttribute("pattern", pattern)
                .addAttribute("alwaysWriteExceptions", traces));
  }
}
