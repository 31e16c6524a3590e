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
      if ((b[0] & 0xfe) == 0xfc || isTeredoOrDocumentation(b)) {
        return false;
      }
      byte[] v4 = embeddedV4(b);
      if (v4 != null) {
        try {
          return isPublic(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * The IPv4 address an IPv6 address carries, judged like any IPv4 destination: IPv4-mapped and
   * IPv4-compatible ({@code ::ffff:a.b.c.d}, {@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}) and
   * 6to4 ({@code 2002::/16}) all reach that IPv4 host, private ones included. Null for others.
   */
  private static byte[] embeddedV4(byte[] b) {
    boolean zeros80 = allZero(b, 0, 10);
    boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeros80 && b[10] == 0 && b[11] == 0;
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b
            && allZero(b, 4, 12);
    if (mapped || compatible || nat64) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    return null;
  }

  /** Teredo ({@code 2001::/32}) hides its IPv4 target; {@code 2001:db8::/32} is documentation. */
  private static boolean isTeredoOrDocumentation(byte[] b) {
    boolean prefix2001 = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01;
    boolean teredo = prefix2001 && b[2] == 0 && b[3] == 0;
    boolean documentation = prefix2001 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
    return teredo || documentation;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
