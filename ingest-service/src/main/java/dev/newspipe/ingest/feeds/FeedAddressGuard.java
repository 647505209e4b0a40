package dev.newspipe.ingest.feeds;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import dev.newspipe.ingest.InvalidArticleException;

/**
 * SSRF guard: a feed URL must be http(s) and resolve only to public addresses. Loopback, private,
 * link-local (which includes the 169.254.169.254 cloud metadata address), carrier-grade NAT, unique
 * local IPv6, multicast and unspecified addresses are refused, unless the host is explicitly allowed.
 */
public final class FeedAddressGuard {

    private final Set<String> allowedHosts;

    public FeedAddressGuard(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    /** @throws InvalidArticleException with field {@code url} when the URL may not be fetched */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidArticleException("url", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidArticleException("url", "must be an absolute http or https URL");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(host) || allowedHosts.contains(bareHost)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        } catch (UnknownHostException e) {
            throw new InvalidArticleException("url", "the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new InvalidArticleException("url", "the host " + host + " resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or metadata address; feeds must be on public addresses");
            }
        }
        return uri;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || first == 100 && second >= 64 && second < 128 // carrier-grade NAT 100.64/10
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0   // IETF protocol assignments
                    || first >= 240;                                // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;            // fc00::/7
            boolean mappedV4 = isMappedV4(b);
            if (mappedV4) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
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
