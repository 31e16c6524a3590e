package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's {@code --help} answers cleanly: exit 0, its usage, and no library warning. */
class HelpTest {
  @Test
  void shouldPrintEveryCommandsHelpWithoutAWarning() {
    List<List<String>> commands = new ArrayList<>();
    collect(new CommandLine(Newsflow.class), new ArrayList<>(), commands);
    assertThat(commands).hasSizeGreaterThan(10);
    for (List<String> path : commands) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRun run = CliRun.of(args.toArray(String[]::new));
      String name = String.join(" ", path);
      assertThat(run.exitCode()).as(name).isZero();
      assertThat(run.out()).as(name).contains("Usage: newsflow");
      // picocli writes "[picocli WARN] Could not format ..." for a lone % in a description
      assertThat(run.out() + run.err()).as(name).doesNotContain("WARN");
    }
  }

  private static void collect(CommandLine cli, List<String> path, List<List<String>> out) {
    for (var e : cli.getSubcommands().entrySet()) {
      if (e.getValue().getCommandSpec().userObject() instanceof CommandLine.HelpCommand
          || !e.getKey().equals(e.getValue().getCommandName())) {
        continue; // 'help' takes no --help; aliases are the same command
      }
      List<String> sub = new ArrayList<>(path);
      sub.add(e.getKey());
      out.add(sub);
      collect(e.getValue(), sub, out);
    }
  }
}
