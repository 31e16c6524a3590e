package io.newsflow.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: Monitor outlets (feeds, sitemaps, pages) through every stage until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Monitor outlets (feeds, sitemaps, pages) through every stage until stopped. (not available yet)")
final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("newsflow run: not available yet");
    return 2;
  }
}
