package io.newsflow.cli;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Evidence;
import io.newsflow.schemas.TopicTag;
import io.newsflow.testkit.KafkaFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs a newsflow command in this JVM and keeps what it printed; test articles. */
record CliRun(int exitCode, String out, String err) {
  static synchronized CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    int rc;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      rc = Newsflow.run(args);
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    return new CliRun(
        rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * {@code replay ARCHIVE} on the tests' shared broker, quiet, with its output in {@code dir/out}
   * and its data folder in {@code dir/data}, plus {@code more} options.
   */
  static CliRun replay(Path archive, Path dir, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "replay",
                archive.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--bootstrap-servers",
                KafkaFixture.shared().bootstrapServers(),
                "--data-dir",
                dir.resolve("data").toString(),
                "-q"));
    args.addAll(List.of(more));
    return of(args.toArray(String[]::new));
  }

  /** An enriched article tagged {@code tag}, its evidence a phrase of its text. */
  static EnrichedArticle article(String id, String title, String text, String tag, String phrase) {
    int start = text.indexOf(phrase);
    Evidence e =
        Evidence.newBuilder()
            .setPhrase(phrase)
            .setField("text")
            .setStart(start)
            .setEnd(start + phrase.length())
            .setRule("cue:" + phrase)
            .build();
    TopicTag t =
        TopicTag.newBuilder()
            .setName(tag)
            .setScore(0.8)
            .setTaxonomyVersion("test")
            .setEvidence(List.of(e))
            .build();
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setSource("https://example.org/" + id)
        .setOutlet("Example Gazette")
        .setTitle(title)
        .setText(text)
        .setRemoved(List.of())
        .setTopics(List.of(t))
        .setLanguage("en")
        .setPublished("2026-11-20T10:00:00Z")
        .setFetchedAt(Instant.parse("2026-11-21T05:00:00Z"))
        .setVersion(1)
        .setExtractorVersion("test")
        .setTaxonomyVersion("test")
        .build();
  }
}
