package io.newsflow.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.ingest.canon.UrlCanon;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom through ROME. DOCTYPEs are refused, so no entity, external
 * or internal, is ever expanded. Pure: bytes in, entries out.
 */
public final class FeedReader {
  private FeedReader() {}

  /**
   * The entries of a feed, in feed order, links resolved against {@code feedUrl}. An entry without
   * a usable http(s) link is left out (the count of those is {@link Result#skipped()}).
   */
  public static Result read(byte[] body, String feedUrl) throws FeedParseException {
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), true)) {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      input.setXmlHealerOn(false);
      feed = input.build(reader);
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new FeedParseException("not a readable feed: " + e.getMessage(), e);
    }
    List<Entry> entries = new ArrayList<>();
    int skipped = 0;
    for (SyndEntry e : feed.getEntries()) {
      String link = UrlCanon.resolve(feedUrl, e.getLink() != null ? e.getLink() : e.getUri());
      if (link == null) {
        skipped++;
      } else {
        entries.add(new Entry(link, latest(e.getUpdatedDate(), e.getPublishedDate())));
      }
    }
    return new Result(entries, skipped);
  }

  /**
   * @param entries the articles the feed lists
   * @param skipped entries without a usable link
   */
  public record Result(List<Entry> entries, int skipped) {}

  private static Instant latest(Date a, Date b) {
    if (a == null && b == null) {
      return null;
    }
    if (a == null || (b != null && b.after(a))) {
      return b.toInstant();
    }
    return a.toInstant();
  }
}
