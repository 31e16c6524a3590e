package io.newsflow.ingest.monitor;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An output kept in memory, for monitor tests that need no broker. */
final class CapturedOutput implements Output {
  final List<RawArticle> articles = new CopyOnWriteArrayList<>();
  final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  @Override
  public void article(RawArticle article) {
    articles.add(article);
  }

  @Override
  public void deadLetter(DeadLetter letter) {
    deadLetters.add(letter);
  }

  @Override
  public void flush() {}
}
