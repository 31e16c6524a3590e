package io.newsflow.ingest.replay;

import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.RawSink;
import io.newsflow.ingest.canon.UrlCanon;
import io.newsflow.ingest.fetch.Charsets;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.Via;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Replays a WARC file (plain or gzip, read by jwarc): every 2xx {@code response} and every {@code
 * resource} record whose payload is HTML or plain text becomes a raw article with the id of its
 * canonical target URL. Other records (requests, metadata, redirects, images) are skipped and
 * counted; a record over the size cap or unreadable becomes a dead letter.
 */
public final class WarcReplay {
  private final ReplaySettings settings;

  public WarcReplay(ReplaySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param progress called with (KiB read, KiB total)
   */
  public ReplayReport replay(Path warc, RawSink sink, BiConsumer<Integer, Integer> progress)
      throws IOException {
    ReplayReport.Tally tally = new ReplayReport.Tally();
    int totalKib = (int) (Files.size(warc) / 1024);
    try (WarcReader reader = new WarcReader(warc)) {
      reader.setLenient(true);
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          String id =
              ArticleIds.forFile(
                  warc.getFileName().toString() + "@" + reader.position(), new byte[0]);
          sink.deadLetter(
              ReplayLetters.of(
                  id,
                  warc + "@" + reader.position(),
                  "unreadable WARC record: " + e.getMessage(),
                  e,
                  null));
          tally.deadLettered();
          break;
        }
        if (next.isEmpty()) {
          break;
        }
        one(next.get(), sink, tally);
        progress.accept((int) (reader.position() / 1024), totalKib);
      }
    }
    return tally.report();
  }

  private void one(WarcRecord record, RawSink sink, ReplayReport.Tally tally) throws IOException {
    String target;
    MediaType type;
    InputStream body;
    if (record instanceof WarcResponse r
        && r.contentType().base().toString().equals("application/http")) {
      HttpResponse http = r.http();
      target = r.target();
      if (http.status() < 200 || http.status() >= 300) {
        tally.skipped(target + " (HTTP " + http.status() + ")");
        return;
      }
      type = http.contentType();
      body = http.bodyDecoded().stream();
    } else if (record instanceof WarcResource r) {
      target = r.target();
      type = r.contentType();
      body = r.body().stream();
    } else {
      return;
    }
    String media = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
    boolean plain = media.equals("text/plain");
    if (!plain && !media.contains("html")) {
      tally.skipped(target + " (" + (media.isEmpty() ? "no type" : media) + ")");
      return;
    }
    String url;
    try {
      url = UrlCanon.canonicalize(target);
    } catch (IllegalArgumentException e) {
      tally.skipped(target + " (not an http(s) URL)");
      return;
    }
    String id = ArticleIds.forUrl(url);
    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
    if (bytes.length > settings.maxBytes()) {
      sink.deadLetter(
          ReplayLetters.of(
              id,
              url,
              "record body is over the cap of " + settings.maxBytes() + " bytes",
              null,
              null));
      tally.deadLettered();
      return;
    }
    String declared = type.parameters().get("charset");
    sink.article(
        RawArticle.newBuilder()
            .setId(id)
            .setSource(url)
            .setOutlet(settings.outlet())
            .setVia(Via.REPLAY)
            .setFetchedAt(record.date() == null ? Instant.now() : record.date())
            .setContentType(plain ? "text/plain" : "text/html")
            .setCharset(Charsets.detect(bytes, declared))
            .setBody(ByteBuffer.wrap(bytes))
            .setVersion(1)
            .build());
    tally.produced();
  }
}
