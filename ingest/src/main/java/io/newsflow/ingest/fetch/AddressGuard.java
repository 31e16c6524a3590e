package io.newsflow.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The guard against server-side request forgery: a DNS resolver that refuses names resolving to
 * loopback, private, link-local, carrier-grade NAT, unique-local, multicast or unspecified
 * addresses. Because the HTTP client connects only to addresses this resolver returned, a hostile
 * feed cannot point the fetcher at internal services, not even through a redirect or DNS rebinding.
 */
public final class AddressGuard implements DnsResolver {
  /** Resolves names to addresses; the system resolver by default, a fixed map in benches. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** Thrown when every address of a name is refused. */
  public static final class BlockedAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    BlockedAddressException(String message) {
      super(message);
    }
  }

  private final Resolver resolver;
  private final boolean allowPrivate;

  public AddressGuard(Resolver resolver, boolean allowPrivate) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.allowPrivate = allowPrivate;
  }

  public static Resolver systemResolver() {
    return InetAddress::getAllByName;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] all = resolver.resolve(host);
    if (allowPrivate) {
      return all;
    }
    List<InetAddress> ok = new ArrayList<>();
    for (InetAddress a : all) {
      if (isPublic(a)) {
        ok.add(a);
      }
    }
    if (ok.isEmpty()) {
      throw new BlockedAddressException(
          host
              + " resolves to a non-public address ("
              + all[0].getHostAddress()
              + "); refused unless the outlet sets allowPrivateAddresses");
    }
    return ok.toArray(InetAddress[]::new);
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    List<InetSocketAddress> out = new ArrayList<>();
    for (InetAddress a : resolve(host)) {
      out.add(new InetSocketAddress(a, port));
    }
    return out;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return resolve(host)[0].getCanonicalHostName();
  }

  /** True for a globally routable unicast address. */
  public static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      boolean cgnat = b0 == 100 && b1 >= 64 && b1 <= 127;
      boolean reserved =
          b0 == 0
              || b0 >= 240
              || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0)
              || (b0 == 198 && (b1 == 18 || b1 == 19));
      return !cgnat && !reserved;
    }
    if (a instanceof Inet6Address) {
      boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
      boolean mapped = isMappedV4(b);
      if (mapped) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return !uniqueLocal;
    }
    return false;
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
