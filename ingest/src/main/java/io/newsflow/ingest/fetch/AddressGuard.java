package io.newsflow.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The guard against server-side request forgery: a DNS resolver that refuses names resolving to
 * loopback, private, link-local, carrier-grade NAT, unique-local, multicast or unspecified
 * addresses. Because the HTTP client connects only to addresses this resolver returned, a hostile
 * feed cannot point the fetcher at internal services, not even through a redirect or DNS rebinding.
 *
 * <p>With {@code allowPrivate} (used only for an outlet's own hosts, see {@link PrivateHosts}) it
 * lets loopback and private addresses through, but never link-local ones (169.254.0.0/16, where
 * cloud metadata services answer, and fe80::/10), other known metadata addresses, unspecified or
 * multicast ones.
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
  private final BiConsumer<String, InetAddress> resolved;

  public AddressGuard(Resolver resolver, boolean allowPrivate) {
    this(resolver, allowPrivate, (host, address) -> {});
  }

  /**
   * @param resolved told of each name resolved and the first address it may be contacted at
   */
  public AddressGuard(
      Resolver resolver, boolean allowPrivate, BiConsumer<String, InetAddress> resolved) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.allowPrivate = allowPrivate;
    this.resolved = Objects.requireNonNull(resolved, "resolved");
  }

  public static Resolver systemResolver() {
    return InetAddress::getAllByName;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] all = resolver.resolve(host);
    List<InetAddress> ok = new ArrayList<>();
    for (InetAddress a : all) {
      if (allowPrivate ? neverReason(a) == null : isPublic(a)) {
        ok.add(a);
      }
    }
    if (ok.isEmpty()) {
      String never = all.length == 0 ? null : neverReason(all[0]);
      throw new BlockedAddressException(
          host
              + (never != null
                  ? " resolves to " + never + "; never fetched"
                  : " resolves to a non-public address ("
                      + (all.length == 0 ? "none" : all[0].getHostAddress())
                      + "); refused unless it is a host of an outlet that sets allowPrivateAddresses"));
    }
    resolved.accept(host, ok.get(0));
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

  /**
   * Why {@code a} is never contacted, not even for an outlet allowed private addresses: link-local
   * (169.254.0.0/16 holds the cloud metadata services; fe80::/10), other metadata addresses, the
   * unspecified address and multicast. Null for any other address.
   */
  public static String neverReason(InetAddress a) {
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      byte[] v4 = embeddedV4(b);
      if (v4 != null) {
        try {
          return neverReason(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
          return "an unreadable address";
        }
      }
      // fd00:ec2::254, the IPv6 address of a cloud metadata service
      boolean metadata6 =
          (b[0] & 0xff) == 0xfd
              && b[1] == 0
              && (b[2] & 0xff) == 0x0e
              && (b[3] & 0xff) == 0xc2
              && allZero(b, 4, 14)
              && (b[15] & 0xff) == 0x54
              && b[14] == 0x02;
      if (metadata6) {
        return "a cloud metadata address (" + a.getHostAddress() + ")";
      }
    } else if (a instanceof Inet4Address) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      // 100.100.100.200 and 192.0.0.192 answer metadata on some clouds
      boolean metadata4 =
          (b0 == 100 && b1 == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200)
              || (b0 == 192 && b1 == 0 && b[2] == 0 && (b[3] & 0xff) == 192);
      if (metadata4) {
        return "a cloud metadata address (" + a.getHostAddress() + ")";
      }
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local address (" + a.getHostAddress() + ", where metadata services answer)";
    }
    if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
      return "an unspecified or multicast address (" + a.getHostAddress() + ")";
    }
    return null;
  }

  /**
   * The address as one machine is known by, for pacing: every loopback address is {@code loopback},
   * an IPv4-mapped IPv6 address is its IPv4 address, others their usual text.
   */
  public static String machine(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a instanceof Inet6Address) {
      byte[] b = a.getAddress();
      if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
      }
    }
    return a.getHostAddress();
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
