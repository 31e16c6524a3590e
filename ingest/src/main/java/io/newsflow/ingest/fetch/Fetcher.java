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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one URL at a time, thread-safe, never throwing for what a server or the network does:
 * every outcome is a {@link FetchResult}. Follows redirects itself (bounded, loops detected), sends
 * conditional GETs, caps bodies before and after decompression, and connects only to addresses the
 * {@link AddressGuard} allows. Politeness (robots.txt, pacing) is the caller's: see {@link
 * RobotsCache}.
 *
 * <p>The total timeout is a hard deadline for the whole fetch, redirects included: when it passes,
 * a watchdog aborts the connection, so a server dripping bytes cannot hold the calling thread. A
 * body over the cap (declared or streamed) and any body left unread are never drained either: the
 * connection is aborted, not returned to the pool.
 */
public final class Fetcher implements AutoCloseable {
  /** Error bodies up to this size are read to keep the connection; larger ones abort it. */
  private static final long DRAIN_LIMIT = 64 * 1024;

  /** Host names whose address is remembered for pacing, at most. */
  private static final int MAX_MACHINES = 100_000;

  private final FetchSettings settings;
  private final CloseableHttpClient guarded;
  private final CloseableHttpClient permissive;
  private final ScheduledThreadPoolExecutor watchdog;
  private final Set<HttpGet> inFlight = ConcurrentHashMap.newKeySet();
  // host name -> the machine (AddressGuard.machine) it was last contacted at
  private final Map<String, String> machines = new ConcurrentHashMap<>();
  private volatile boolean aborting;

  public Fetcher(FetchSettings settings) {
    this(settings, AddressGuard.systemResolver());
  }

  /**
   * @param resolver name resolution to guard (a fixed map lets a bench play many hosts on loopback)
   */
  public Fetcher(FetchSettings settings, AddressGuard.Resolver resolver) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.guarded = client(settings, new AddressGuard(resolver, false, this::resolved));
    this.permissive = client(settings, new AddressGuard(resolver, true, this::resolved));
    this.watchdog =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "newsflow-fetch-deadline");
              t.setDaemon(true);
              return t;
            });
    watchdog.setRemoveOnCancelPolicy(true);
  }

  public FetchSettings settings() {
    return settings;
  }

  private void resolved(String host, InetAddress address) {
    if (machines.size() >= MAX_MACHINES) {
      machines.clear();
    }
    machines.put(host.toLowerCase(Locale.ROOT), AddressGuard.machine(address));
  }

  /**
   * The machine {@code host} was last contacted at ({@link AddressGuard#machine}); for an IP
   * literal or {@code localhost}, the machine it names. Null for a name not contacted yet.
   */
  public String machineOf(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return "loopback";
    }
    String bare = h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    if (bare.contains(":") || bare.matches("[0-9.]+")) {
      try {
        return AddressGuard.machine(InetAddress.getByName(bare));
      } catch (UnknownHostException bad) {
        return null;
      }
    }
    return machines.get(h);
  }

  private static CloseableHttpClient client(FetchSettings s, AddressGuard guard) {
    ConnectionConfig conn =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(s.connectTimeout()))
            .setSocketTimeout(Timeout.of(s.readTimeout()))
            .setValidateAfterInactivity(TimeValue.of(2, TimeUnit.SECONDS))
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
        .setDefaultRequestConfig(requestConfig(s.readTimeout(), s.totalTimeout()))
        .disableRedirectHandling()
        .disableContentCompression()
        .setRetryStrategy(new StaleConnectionRetry())
        .disableCookieManagement()
        .evictIdleConnections(TimeValue.of(30, TimeUnit.SECONDS))
        .setUserAgent(s.userAgent())
        .build();
  }

  private static RequestConfig requestConfig(Duration response, Duration lease) {
    return RequestConfig.custom()
        .setRedirectsEnabled(false)
        .setResponseTimeout(Timeout.of(response))
        .setConnectionRequestTimeout(Timeout.of(lease))
        .build();
  }

  /**
   * Fetches {@code url}, following redirects.
   *
   * @param validators sent as If-None-Match / If-Modified-Since; {@link Validators#NONE} for a
   *     plain GET
   * @param allowPrivate whether {@code url}'s own host and port may be at a loopback/private
   *     address (see {@link PrivateHosts})
   */
  public FetchResult fetch(String url, Validators validators, boolean allowPrivate) {
    return fetch(url, validators, allowPrivate, hop -> true);
  }

  /**
   * As {@link #fetch(String, Validators, PrivateHosts, RedirectCheck)}, for one URL's own host,
   * with a yes/no redirect check (false: disallowed by robots.txt).
   */
  public FetchResult fetch(
      String url, Validators validators, boolean allowPrivate, Predicate<String> redirectAllowed) {
    return fetch(
        url,
        validators,
        allowPrivate ? PrivateHosts.of(List.of(url)) : PrivateHosts.NONE,
        target ->
            redirectAllowed.test(target)
                ? null
                : new Refusal(
                    Fault.ROBOTS_DISALLOWED,
                    "redirect target " + target + " is disallowed by robots.txt"));
  }

  /** Why a redirect is not followed. */
  public record Refusal(Fault fault, String reason) {}

  /** Asked before a redirect is followed (robots.txt of the target, its pacing). */
  @FunctionalInterface
  public interface RedirectCheck {
    /** Null to follow {@code target}; otherwise why the fetch ends there. May wait its turn. */
    Refusal check(String target);
  }

  /**
   * Fetches {@code url}, asking {@code redirects} before following a redirect; a refused target
   * ends the fetch with the refusal's fault and reason. The whole fetch, redirects included, ends
   * within the total timeout.
   *
   * @param privateHosts hosts that may be contacted at loopback/private addresses
   */
  public FetchResult fetch(
      String url, Validators validators, PrivateHosts privateHosts, RedirectCheck redirects) {
    Set<String> visited = new HashSet<>();
    String current = url;
    Deadline deadline = new Deadline(System.nanoTime() + settings.totalTimeout().toNanos());
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
      boolean mayBePrivate = privateHosts.covers(uri);
      String blocked = literalAddressRefused(uri.getHost(), mayBePrivate);
      if (blocked != null) {
        return FetchResult.failure(current, Fault.BLOCKED_ADDRESS, blocked);
      }
      Hop h = once(uri, hop == 0 ? validators : Validators.NONE, mayBePrivate, deadline);
      if (h.location == null) {
        return h.result;
      }
      if (hop >= settings.maxRedirects()) {
        return FetchResult.failure(
            url, Fault.REDIRECTS, "more than " + settings.maxRedirects() + " redirects");
      }
      try {
        current = withoutFragment(uri.resolve(h.location.strip()));
      } catch (IllegalArgumentException e) {
        return FetchResult.failure(url, Fault.REDIRECTS, "bad redirect location: " + h.location);
      }
      Refusal refusal = redirects.check(current);
      if (refusal != null) {
        return FetchResult.failure(url, refusal.fault(), refusal.reason());
      }
    }
  }

  /** One fetch's deadline; {@code fired} once the watchdog aborted a request for it. */
  private static final class Deadline {
    final long atNanos;
    volatile boolean fired;

    Deadline(long atNanos) {
      this.atNanos = atNanos;
    }
  }

  /**
   * @param reusable whether the response was read to its end, so its connection may be kept
   */
  private record Hop(FetchResult result, String location, boolean reusable) {}

  private Hop once(URI uri, Validators v, boolean mayBePrivate, Deadline deadline) {
    String url = uri.toString();
    long left = deadline.atNanos - System.nanoTime();
    if (left <= 0) {
      return new Hop(timedOut(url), null, true);
    }
    HttpGet get = new HttpGet(uri);
    get.setConfig(
        requestConfig(
            Duration.ofNanos(Math.min(settings.readTimeout().toNanos(), left)),
            Duration.ofNanos(left)));
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
    ScheduledFuture<?> alarm =
        watchdog.schedule(
            () -> {
              deadline.fired = true;
              get.cancel();
            },
            left,
            TimeUnit.NANOSECONDS);
    inFlight.add(get);
    if (aborting) {
      get.cancel();
    }
    ClassicHttpResponse response = null;
    Hop h = null;
    try {
      response =
          (mayBePrivate ? permissive : guarded)
              .executeOpen(RoutingSupport.determineHost(get), get, null);
      h = handle(url, response, deadline.atNanos);
      return h;
    } catch (BlockedAddressException e) {
      return new Hop(FetchResult.failure(url, Fault.BLOCKED_ADDRESS, e.getMessage()), null, true);
    } catch (IOException | HttpException e) {
      if (deadline.fired || e instanceof DeadlineException) {
        return new Hop(timedOut(url), null, false);
      }
      if (aborting) {
        return new Hop(
            FetchResult.failure(url, Fault.TIMEOUT, "aborted: the fetcher is closing"),
            null,
            false);
      }
      return new Hop(classify(url, uri.getHost(), e), null, false);
    } finally {
      alarm.cancel(false);
      if (h == null || !h.reusable) {
        // never drain what was not read (a body over the cap, a dripping server): abort instead
        get.cancel();
      }
      closeQuietly(response);
      inFlight.remove(get);
    }
  }

  private FetchResult timedOut(String url) {
    return FetchResult.failure(
        url,
        Fault.TIMEOUT,
        "no complete response within the total timeout of "
            + settings.totalTimeout().toMillis()
            + " ms; connection aborted");
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    if (response == null) {
      return;
    }
    try {
      response.close();
    } catch (IOException | RuntimeException aborted) {
      // the connection was aborted: nothing left to release
    }
  }

  /**
   * Aborts every request in flight (they end as timeouts) and every later one: for a prompt stop.
   */
  public void abortAll() {
    aborting = true;
    inFlight.forEach(HttpGet::cancel);
  }

  private Hop handle(String url, ClassicHttpResponse response, long deadline) throws IOException {
    int code = response.getCode();
    Header location = response.getFirstHeader("Location");
    if (code >= 300 && code < 400 && code != 304 && location != null) {
      return new Hop(null, location.getValue(), discard(response));
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
          null,
          discard(response));
    }
    if (code == 404 || code == 410) {
      return new Hop(
          FetchResult.failure(url, code, Fault.GONE, "HTTP " + code, null),
          null,
          discard(response));
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
          null,
          discard(response));
    }
    if (code < 200 || code >= 300) {
      return new Hop(
          FetchResult.failure(url, code, Fault.HTTP_STATUS, "HTTP " + code, null),
          null,
          discard(response));
    }
    return body(url, code, response, deadline);
  }

  /**
   * Reads a small body we do not need, so the connection can be reused; true when it was read.
   * Larger or unsized ones are left for the caller to abort.
   */
  private static boolean discard(ClassicHttpResponse response) {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return true;
    }
    long length = entity.getContentLength();
    if (length < 0 || length > DRAIN_LIMIT) {
      return false;
    }
    try {
      EntityUtils.consume(entity);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Hop body(String url, int code, ClassicHttpResponse response, long deadline)
      throws IOException {
    HttpEntity entity = response.getEntity();
    long cap = settings.maxBytes();
    if (entity != null && entity.getContentLength() > cap) {
      // refused unread: the caller aborts the connection rather than drain it
      return new Hop(
          FetchResult.failure(
              url,
              code,
              Fault.TOO_LARGE,
              "Content-Length "
                  + entity.getContentLength()
                  + " is over the cap of "
                  + cap
                  + " bytes",
              null),
          null,
          false);
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
      return new Hop(
          FetchResult.failure(
              url, code, Fault.BAD_ENCODING, "unsupported Content-Encoding " + encoding, null),
          null,
          true);
    }
    String[] type = contentType(header(response, "Content-Type"));
    return new Hop(
        new FetchResult(
            code,
            url,
            type[0],
            type[1],
            body,
            header(response, "ETag"),
            header(response, "Last-Modified"),
            null,
            null,
            null),
        null,
        true);
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
      boolean cancelled =
          request instanceof CancellableDependency
              && ((CancellableDependency) request).isCancelled();
      return execCount <= 1 && stale && !cancelled;
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

  private static FetchResult classify(String url, String host, Exception e) {
    String msg =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (e instanceof TooLargeException) {
      return FetchResult.failure(url, Fault.TOO_LARGE, e.getMessage());
    }
    if (e instanceof GzipBombException) {
      return FetchResult.failure(url, Fault.GZIP_BOMB, e.getMessage());
    }
    if (e instanceof InterruptedIOException) {
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
    if (e instanceof UnknownHostException) {
      return FetchResult.failure(
          url, Fault.DNS, "host " + host + " does not resolve (" + msg + ")");
    }
    if (e instanceof ConnectException) {
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
    return literalAddressRefused(host, false);
  }

  /**
   * A reason when {@code host} is an IP literal that may not be contacted: never a link-local or
   * metadata one, and a non-public one only when {@code mayBePrivate}; null otherwise.
   */
  static String literalAddressRefused(String host, boolean mayBePrivate) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean literal = h.contains(":") || h.matches("[0-9.]+");
    if (!literal) {
      return null;
    }
    try {
      InetAddress a = InetAddress.getByName(h);
      String never = AddressGuard.neverReason(a);
      if (never != null) {
        return h + " is " + never + "; never fetched";
      }
      return mayBePrivate || AddressGuard.isPublic(a)
          ? null
          : h
              + " is a non-public address; refused unless it is a host of an outlet that sets"
              + " allowPrivateAddresses";
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
    watchdog.shutdownNow();
    guarded.close();
    permissive.close();
  }
}
