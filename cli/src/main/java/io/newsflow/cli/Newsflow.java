package io.newsflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command. */
@Command(
    name = "newsflow",
    mixinStandardHelpOptions = true,
    versionProvider = Newsflow.Version.class,
    description = {
      "Streaming news ingestion on Apache Kafka: ingest -> enrich -> sink.",
      "Articles flow through the topics news.raw -> news.enriched (+ news.topic.<tag>); failures go to news.dlq."
    },
    subcommands = {
      ReplayCommand.class,
      RunCommand.class,
      TailCommand.class,
      UiCommand.class,
      RetagCommand.class,
      EvalCommand.class,
      TagCommand.class,
      TrainTaggerCommand.class,
      TrainPageKindsCommand.class,
      StoriesCommand.class,
      BenchCommand.class,
      StageCommands.Ingest.class,
      StageCommands.Enrich.class,
      StageCommands.Sink.class,
      StageCommands.Broker.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Run 'newsflow help <command>' for a command's options.",
      "Settings: --config FILE, or NEWSFLOW_<KEY> environment variables (see README)."
    })
public final class Newsflow {
  private Newsflow() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 usage). */
  public static int run(String... args) {
    return commandLine(new Newsflow()).execute(args);
  }

  /** The command line of {@code command}, reporting errors as {@link #run} does. */
  static CommandLine commandLine(Object command) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("newsflow " + cmd.getCommandName() + ": " + e.getMessage());
          if (e instanceof UserError) {
            return 1;
          }
          if (System.getenv("NEWSFLOW_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
          } else {
            cmd.getErr().println("(set NEWSFLOW_DEBUG=1 for the stack trace)");
          }
          return 1;
        });
    return cli;
  }

  /** Version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Newsflow.class.getPackage().getImplementationVersion();
      return new String[] {"newsflow " + (v == null ? "dev" : v)};
    }
  }
}
