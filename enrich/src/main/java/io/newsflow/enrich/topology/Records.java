package io.newsflow.enrich.topology;

import io.newsflow.enrich.tag.Match;
import io.newsflow.enrich.tag.Tag;
import io.newsflow.enrich.text.ArticleExtractor;
import io.newsflow.enrich.text.Extraction;
import io.newsflow.enrich.text.Removed;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Evidence;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Removal;
import io.newsflow.schemas.TopicTag;
import java.util.List;

/** Maps the pure core's values to the Avro contract. */
public final class Records {
  static final int MAX_REMOVED_CHARS = 500;

  private Records() {}

  static EnrichedArticle enriched(
      RawArticle raw, Extraction x, String language, List<Tag> tags, String taxonomyVersion) {
    return EnrichedArticle.newBuilder()
        .setId(raw.getId())
        .setSource(raw.getSource())
        .setOutlet(
            raw.getOutlet() != null && !raw.getOutlet().isBlank() ? raw.getOutlet() : x.siteName())
        .setTitle(x.title())
        .setText(x.text())
        .setRemoved(x.removed().stream().map(Records::removal).toList())
        .setTopics(topics(tags, taxonomyVersion))
        .setLanguage(language)
        .setPublished(x.published())
        .setModified(x.modified())
        .setAuthors(x.authors())
        .setDateline(x.dateline())
        .setCanonicalUrl(x.canonicalUrl())
        .setImageUrl(x.imageUrl())
        .setFetchedAt(raw.getFetchedAt())
        .setVersion(raw.getVersion())
        .setExtractorVersion(ArticleExtractor.VERSION)
        .setTaxonomyVersion(taxonomyVersion)
        .setPageKind(x.pageKind().label())
        .build();
  }

  static Removal removal(Removed r) {
    String text =
        r.text().length() > MAX_REMOVED_CHARS
            ? r.text().substring(0, MAX_REMOVED_CHARS) + "…"
            : r.text();
    return new Removal(text, r.reason());
  }

  /** The tags as Avro topic records, each naming the taxonomy version that produced it. */
  public static List<TopicTag> topics(List<Tag> tags, String taxonomyVersion) {
    return tags.stream().map(t -> topic(t, taxonomyVersion)).toList();
  }

  static TopicTag topic(Tag t, String taxonomyVersion) {
    return new TopicTag(
        t.name(),
        t.score(),
        taxonomyVersion,
        t.evidence().stream().map(Records::evidence).toList(),
        t.sentences().stream().map(Records::evidence).toList());
  }

  static Evidence evidence(Match m) {
    return new Evidence(m.phrase(), m.field(), m.start(), m.end(), m.rule());
  }
}
