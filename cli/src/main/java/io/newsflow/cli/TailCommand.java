package io.newsflow.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: Print the records of a topic as readable text or JSON. */
@Command(name = "tail", mixinStandardHelpOptions = true, description = "Print the records of a topic as readable text or JSON. (not available yet)")
final class TailCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("newsflow tail: not available yet");
    return 2;
  }
}
