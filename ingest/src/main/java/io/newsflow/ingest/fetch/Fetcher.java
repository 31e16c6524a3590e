package io.newsflow.ingest.fetch;

import io.newsflow.ingest.fetch.AddressGuard.BlockedAddressException;
import io.newsflow.ingest.fetch.BodyReader.DeadlineException;
import io.newsflow.ingest.fetch.BodyReader.GzipBombException;
import io.newsflow.ingest.fetch.BodyReader.TooLargeException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one URL at a time, thread-safe, never throwing for what a server or the network does:
 * every outcome is a {@link FetchResult}. Follows redirects itself (bounded, loops detected), sends
 * conditional GETs, caps bodies before and after decompression, and connects only to addresses the
 * {@link AddressGuard} allows. Politeness (robots.txt, pacing) is the caller's: see {@link
 * RobotsCache}.
 */
public final class Fetcher implements AutoCloseable {
  private final FetchSettings settings;
  private final CloseableHttpClient guarded;
  private final CloseableHttpClient permissive;

  public Fetcher(FetchSettings settings) {
    this(settings, AddressGuard.systemResolver());
  }

  /**
   * @param resolver name resolution to guard (a fixed map lets a bench play many hosts on loopback)
   */
  public Fetcher(FetchSettings settings, AddressGuard.Resolver resolver) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.guarded = client(settings, new AddressGuard(resolver, false));
    this.permissive = client(settings, new AddressGuard(resolver, true));
  }

  public FetchSettings settings() {
    return settings;
  }

  private static CloseableHttpClient client(FetchSettings s, AddressGuard guard) {
    ConnectionConfig conn =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(s.connectTimeout()))
            .setSocketTimeout(Timeout.of(s.readTimeout()))
            .setValidateAfterInactivity(TimeValue.of(2, TimeUnit.SECONDS))
            .build();
    RequestConfig req =
        RequestConfig.custom()
            .setRedirectsEnabled(false)
            .setResponseTimeout(Timeout.of(s.readTimeout()))
            .setConnectionRequestTimeout(Timeout.of(s.totalTimeout()))
            .build();
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guard)
                .setDefaultConnectionConfig(conn)
                .setMaxConnTotal(s.maxConnections())
                .setMaxConnPerRoute(s.maxConnections())
                .setDefaultTlsConfig(
                    TlsConfig.custom().setHandshakeTimeout(Timeout.of(s.connectTimeout())).build())
                .build())
        .setDefaultRequestConfig(req)
        .disableRedirectHandling()
        .disableContentCompression()
        .setRetryStrategy(new StaleConnectionRetry())
        .disableCookieManagement()
        .evictIdleConnections(TimeValue.of(30, TimeUnit.SECONDS))
        .setUserAgent(s.userAgent())
        .build();
  }

  /**
   * Fetches {@code url}, following redirects.
   *
   * @param validators sent as If-None-Match / If-Modified-Since; {@link Validators#NONE} for a
   *     plain GET
   * @param allowPrivate whether loopback/private/link-local addresses may be contacted
   */
  public FetchResult fetch(String url, Validators validators, boolean allowPrivate) {
    return fetch(url, validators, allowPrivate, hop -> true);
  }

  /**
   * As {@link #fetch(String, Validators, boolean)}, asking {@code redirectAllowed} before following
   * a redirect (robots.txt of the target, typically); a refused target is a {@link
   * Fault#ROBOTS_DISALLOWED}.
   */
  public FetchResult fetch(
      String url,
      Validators validators,
      boolean allowPrivate,
      java.util.function.Predicate<String> redirectAllowed) {
    Set<String> visited = new HashSet<>();
    String current = url;
    for (int hop = 0; ; hop++) {
      URI uri;
      try {
        uri = httpUri(current);
      } catch (IllegalArgumentException e) {
        return FetchResult.failure(current, Fault.BAD_URL, e.getMessage());
      }
      if (!visited.add(uri.toString())) {
        return FetchResult.failure(
            url, Fault.REDIRECTS, "redirect loop: " + uri + " was already visited");
      }
      String blocked = allowPrivate ? null : literalAddressRefused(uri.getHost());
      if (blocked != null) {
        return FetchResult.failure(current, Fault.BLOCKED_ADDRESS, blocked);
      }
      Hop h = once(uri, hop == 0 ? validators : Validators.NONE, allowPrivate);
      if (h.location == null) {
        return h.result;
      }
      if (hop >= settings.maxRedirects()) {
        return FetchResult.failure(
            url, Fault.REDIRECTS, "more than " + settings.maxRedirects() + " redirects");
      }
      try {
        current = withoutFragment(uri.resolve(h.location.strip()));
        if (!redirectAllowed.test(current)) {
          return FetchResult.failure(
              url,
              Fault.ROBOTS_DISALLOWED,
              "redirect target " + current + " is disallowed by robots.txt");
        }
      } catch (IllegalArgumentException e) {
        return FetchResult.failure(url, Fault.REDIRECTS, "bad redirect location: " + h.location);
      }
    }
  }

  private record Hop(FetchResult result, String location) {}

  private Hop once(URI uri, Validators v, boolean allowPrivate) {
    HttpGet get = new HttpGet(uri);
    get.setHeader("Accept-Encoding", "gzip, deflate");
    get.setHeader(
        "Accept",
        "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,text/xml;q=0.9,*/*;q=0.5");
    if (v.etag() != null) {
      get.setHeader("If-None-Match", v.etag());
    }
    if (v.lastModified() != null) {
      get.setHeader("If-Modified-Since", v.lastModified());
    }
    long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
    String url = uri.toString();
    try {
      return (allowPrivate ? permissive : guarded)
          .execute(get, response -> handle(url, response, deadline));
    } catch (BlockedAddressException e) {
      return new Hop(FetchResult.failure(url, Fault.BLOCKED_ADDRESS, e.getMessage()), null);
    } catch (IOException e) {
      return new Hop(classify(url, e), null);
    }
  }

  private Hop handle(String url, ClassicHttpResponse response, long deadline) throws IOException {
    int code = response.getCode();
    Header location = response.getFirstHeader("Location");
    if (code >= 300 && code < 400 && code != 304 && location != null) {
      return new Hop(null, location.getValue());
    }
    if (code == 304) {
      return new Hop(
          new FetchResult(
              304,
              url,
              null,
              null,
              FetchResult.EMPTY,
              header(response, "ETag"),
              header(response, "Last-Modified"),
              null,
              null,
              null),
          null);
    }
    if (code == 404 || code == 410) {
      return new Hop(FetchResult.failure(url, code, Fault.GONE, "HTTP " + code, null), null);
    }
    if (code == 429 || code >= 500) {
      Duration after = retryAfter(header(response, "Retry-After"), Instant.now());
      return new Hop(
          FetchResult.failure(
              url,
              code,
              Fault.HTTP_RETRYABLE,
              "HTTP " + code + (after == null ? "" : ", Retry-After " + after.toSeconds() + " s"),
              after),
          null);
    }
    if (code < 200 || code >= 300) {
      return new Hop(FetchResult.failure(url, code, Fault.HTTP_STATUS, "HTTP " + code, null), null);
    }
    return new Hop(body(url, code, response, deadline), null);
  }

  private FetchResult body(String url, int code, ClassicHttpResponse response, long deadline)
      throws IOException {
    HttpEntity entity = response.getEntity();
    long cap = settings.maxBytes();
    if (entity != null && entity.getContentLength() > cap) {
      return FetchResult.failure(
          url,
          code,
          Fault.TOO_LARGE,
          "Content-Length " + entity.getContentLength() + " is over the cap of " + cap + " bytes",
          null);
    }
    byte[] raw =
        entity == null ? FetchResult.EMPTY : BodyReader.read(entity.getContent(), cap, deadline);
    String encoding = lower(header(response, "Content-Encoding"));
    byte[] body;
    if (encoding == null || encoding.equals("identity")) {
      body = raw;
    } else if (encoding.equals("gzip") || encoding.equals("x-gzip") || encoding.equals("deflate")) {
      body = BodyReader.inflate(raw, encoding.equals("deflate") ? "deflate" : "gzip", cap);
    } else {
      return FetchResult.failure(
          url, code, Fault.BAD_ENCODING, "unsupported Content-Encoding " + encoding, null);
    }
    String[] type = contentType(header(response, "Content-Type"));
    return new FetchResult(
        code,
        url,
        type[0],
        type[1],
        body,
        header(response, "ETag"),
        header(response, "Last-Modified"),
        null,
        null,
        null);
  }

  /**
   * Retries a GET once when a pooled keep-alive connection turned out closed or reset by the server
   * before answering; never on connect failures or status codes, which the monitor handles itself.
   */
  private static final class StaleConnectionRetry implements HttpRequestRetryStrategy {
    @Override
    public boolean retryRequest(
        HttpRequest request, IOException e, int execCount, HttpContext context) {
      boolean stale =
          e instanceof NoHttpResponseException
              || (e instanceof java.net.SocketException
                  && !(e instanceof ConnectException)
                  && !(e instanceof java.net.NoRouteToHostException));
      return execCount <= 1 && stale;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
      return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
      return TimeValue.ZERO_MILLISECONDS;
    }
  }

  private static FetchResult classify(String url, IOException e) {
    String msg =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (e instanceof TooLargeException) {
      return FetchResult.failure(url, Fault.TOO_LARGE, e.getMessage());
    }
    if (e instanceof GzipBombException) {
      return FetchResult.failure(url, Fault.GZIP_BOMB, e.getMessage());
    }
    if (e instanceof DeadlineException || e instanceof InterruptedIOException) {
      return FetchResult.failure(url, Fault.TIMEOUT, "timed out (" + msg + ")");
    }
    if (e instanceof SSLException) {
      return FetchResult.failure(url, Fault.TLS, "TLS failed (" + msg + ")");
    }
    if (e instanceof ConnectionClosedException
        || e instanceof MalformedChunkCodingException
        || e instanceof ZipException
        || e instanceof EOFException) {
      return FetchResult.failure(url, Fault.TRUNCATED, "body truncated (" + msg + ")");
    }
    if (e instanceof UnknownHostException || e instanceof ConnectException) {
      return FetchResult.failure(url, Fault.CONNECT, "cannot connect (" + msg + ")");
    }
    return FetchResult.failure(url, Fault.IO, msg);
  }

  /**
   * The URL as an absolute http(s) URI without fragment; throws IllegalArgumentException otherwise.
   */
  static URI httpUri(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("only http and https are fetched: " + url);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("no host in " + url);
    }
    return uri;
  }

  private static String withoutFragment(URI uri) {
    String s = uri.toString();
    int hash = s.indexOf('#');
    return hash < 0 ? s : s.substring(0, hash);
  }

  /** A reason when {@code host} is an IP literal outside public space; null otherwise. */
  static String literalAddressRefused(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean literal = h.contains(":") || h.matches("[0-9.]+");
    if (!literal) {
      return null;
    }
    try {
      InetAddress a = InetAddress.getByName(h);
      return AddressGuard.isPublic(a)
          ? null
          : h + " is a non-public address; refused unless the outlet sets allowPrivateAddresses";
    } catch (UnknownHostException e) {
      return "bad address " + h;
    }
  }

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable; never negative. */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  /** [media type, charset] of a Content-Type header, lower case; nulls when absent. */
  static String[] contentType(String header) {
    if (header == null) {
      return new String[] {null, null};
    }
    String[] parts = header.split(";");
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    String charset = null;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        charset = p.substring(8).replace("\"", "").replace("'", "").strip();
      }
    }
    return new String[] {
      type.isEmpty() ? null : type, charset == null || charset.isEmpty() ? null : charset
    };
  }

  private static String header(ClassicHttpResponse r, String name) {
    Header h = r.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  private static String lower(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws IOException {
    guarded.close();
    permissive.close();
  }
}
