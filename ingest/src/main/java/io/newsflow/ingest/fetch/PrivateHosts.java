package io.newsflow.ingest.fetch;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The hosts whose non-public addresses (loopback, private, unique-local) one fetch may contact: an
 * outlet that sets {@code allowPrivateAddresses} may reach its own feeds', sitemaps' and seed
 * pages' hosts there, on their own ports, and nothing else. A URL on another host or port, a
 * redirect included, passes the address guard as any public URL does. Link-local and cloud metadata
 * addresses are never reachable, whatever this says (see {@link AddressGuard}).
 *
 * <p>A host served on the default port may also be reached on the other default port, so that an
 * {@code http://} source redirecting to {@code https://} on the same host keeps working.
 */
public final class PrivateHosts {
  /** No private address at all: the guard's default. */
  public static final PrivateHosts NONE = new PrivateHosts(Set.of());

  private final Set<String> authorities;

  private PrivateHosts(Set<String> authorities) {
    this.authorities = Set.copyOf(authorities);
  }

  /** The hosts and ports of {@code urls}; URLs that are not absolute http(s) are skipped. */
  public static PrivateHosts of(Collection<String> urls) {
    Set<String> out = new HashSet<>();
    for (String u : urls) {
      try {
        URI uri = Fetcher.httpUri(u);
        String host = host(uri);
        int port = port(uri);
        out.add(host + ":" + port);
        if (port == 80 || port == 443) {
          out.add(host + ":" + (port == 80 ? 443 : 80));
        }
      } catch (IllegalArgumentException notHttp) {
        // the outlets file refuses these; nothing to allow
      }
    }
    return out.isEmpty() ? NONE : new PrivateHosts(out);
  }

  /** Whether {@code uri}'s host and port are one of these. */
  public boolean covers(URI uri) {
    return !authorities.isEmpty()
        && uri.getHost() != null
        && authorities.contains(host(uri) + ":" + port(uri));
  }

  public boolean isEmpty() {
    return authorities.isEmpty();
  }

  private static String host(URI uri) {
    return uri.getHost().toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  @Override
  public String toString() {
    return authorities.toString();
  }
}
