package io.newsflow.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code [FILE|-]} input and {@code [-o FILE]} output of the offline JSON Lines commands
 * ({@code tag}, {@code stories}): a picocli mixin, so both commands take and describe them alike.
 */
final class JsonLinesIo {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "Input JSON Lines; '-' or none reads standard input.")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here instead of standard output.")
  Path output;

  /** The input file, or standard input when none or {@code -} was given; UTF-8. */
  Reader open() throws IOException {
    if (input == null || input.toString().equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(input, StandardCharsets.UTF_8);
  }

  /** The output file, or standard output when none was given; UTF-8. */
  Writer create() throws IOException {
    if (output == null) {
      // never close standard output: closing the writer only flushes it
      return new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
    return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
  }
}
