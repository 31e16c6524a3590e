package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The text core stays pure: extraction, tagging, evaluation and story clustering import no Kafka
 * type, so they are tested and benchmarked without a broker and reused by the eval and tag
 * commands.
 */
class PureCoreTest {
  static final Path MAIN = Path.of("src/main/java/io/newsflow/enrich");

  @Test
  void shouldKeepKafkaOutOfTheTextTaggingAndEvalPackages() throws IOException {
    for (String pkg : List.of("text", "tag", "eval", "story")) {
      Path dir = MAIN.resolve(pkg);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          assertThat(Files.readString(f))
              .as("%s imports Kafka", f)
              .doesNotContain("import org.apache.kafka");
        }
      }
    }
  }
}
