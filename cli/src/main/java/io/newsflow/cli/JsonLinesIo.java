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

/** The {@code [FILE|-]} input and {@code [-o FILE]} output of the offline JSON Lines commands. */
final class JsonLinesIo {
  private JsonLinesIo() {}

  /** The file, or standard input when it is null or {@code -}; UTF-8. */
  static Reader open(Path input) throws IOException {
    if (input == null || input.toString().equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(input, StandardCharsets.UTF_8);
  }

  /** The file, or standard output when it is null; UTF-8. */
  static Writer create(Path output) throws IOException {
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
