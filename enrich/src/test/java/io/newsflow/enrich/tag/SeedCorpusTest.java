package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five seed articles (../shared/seeds, read in place, boilerplate still in) are all about a
 * foreign military operation rejected in the name of sovereignty: each gets both topics, and the
 * evidence holds the phrases a reader would point at.
 */
class SeedCorpusTest {
  private static final Tagger TAGGER = Tagger.loadDefault();

  static Stream<Path> seeds() throws IOException {
    Path dir = seedDir();
    assumeTrue(dir != null, "../shared/seeds not found");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
    }
  }

  /** The project's ../shared/seeds, found from the module or the project directory. */
  private static Path seedDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("seeds");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void shouldTagEachSeedWithBothTopicsAndConvincingEvidence(Path seed) throws IOException {
    String text = Files.readString(seed, StandardCharsets.UTF_8);

    List<Tag> tags = TAGGER.tag("", text, null);

    assertThat(tags).extracting(Tag::name).containsExactly("sovereignty", "intervention");
    Tag sovereignty = tags.get(0);
    Tag intervention = tags.get(1);
    assertThat(phrases(sovereignty))
        .anyMatch(p -> p.contains("sovereign") || p.contains("jurisdiction"));
    assertThat(phrases(intervention))
        .anyMatch(
            p ->
                p.contains("military")
                    || p.contains("troops")
                    || p.contains("strike")
                    || p.contains("intervention"));
    for (Tag tag : tags) {
      assertThat(tag.evidence())
          .allSatisfy(
              m -> {
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.phrase());
                assertThat(lineOf(text, m.start()))
                    .doesNotStartWith("BREAKING")
                    .doesNotStartWith("Related");
              });
    }
  }

  private static List<String> phrases(Tag tag) {
    return tag.evidence().stream().map(m -> m.phrase().toLowerCase(Locale.ROOT)).toList();
  }

  private static String lineOf(String text, int pos) {
    int from = text.lastIndexOf('\n', pos - 1) + 1;
    int to = text.indexOf('\n', pos);
    return text.substring(from, to < 0 ? text.length() : to).strip();
  }
}
