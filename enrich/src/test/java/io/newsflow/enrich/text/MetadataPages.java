package io.newsflow.enrich.text;

/**
 * Pages written for the metadata tests: a short story in English and in German to put under a head,
 * and the extractor that reads them.
 */
final class MetadataPages {
  static final ArticleExtractor EXTRACTOR = new ArticleExtractor(ExtractorSettings.defaults());

  static final String STORY =
      "<p>The old bridge over the river reopened on Monday after six months of repairs to its deck and railings, the county said.</p>"
          + "<p>Drivers will pay no toll until the end of the year, and a new footpath on the east side opens to walkers next week.</p>";

  static final String GESCHICHTE =
      "<p>Die alte Brücke über den Fluss ist am Montag nach sechs Monaten Bauzeit wieder für den Verkehr freigegeben worden, teilte der Landkreis mit.</p>"
          + "<p>Bis zum Jahresende wird keine Maut erhoben, und ein neuer Fußweg auf der Ostseite öffnet in der kommenden Woche.</p>";

  private MetadataPages() {}

  /** {@code head} and {@code body} in a page without an address, extracted. */
  static Extraction page(String head, String body) {
    return page(head, body, null);
  }

  /** {@code head} and {@code body} in a page at {@code url} (may be null), extracted. */
  static Extraction page(String head, String body, String url) {
    return EXTRACTOR.extractHtml(
        "<html><head>" + head + "</head><body>" + body + "</body></html>", url);
  }
}
