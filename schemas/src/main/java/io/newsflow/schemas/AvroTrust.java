package io.newsflow.schemas;

import java.util.List;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.2 refuses to instantiate classes that are not on its allow-list. Our generated records
 * are allowed here, once, so no user has to pass {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}.
 */
final class AvroTrust {
  private static final List<Class<?>> GENERATED =
      List.of(
          RawArticle.class,
          EnrichedArticle.class,
          DeadLetter.class,
          Evidence.class,
          TopicTag.class,
          Removal.class,
          ArticleRemoved.class,
          Via.class,
          Story.class,
          StoryMember.class);
  private static volatile boolean installed;

  private AvroTrust() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    ClassSecurityValidator.Builder ours = ClassSecurityValidator.builder();
    GENERATED.forEach(ours::add);
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), ours.build()));
    installed = true;
  }
}
