package org.careloop.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for a webhook endpoint: an absolute http(s) URL without credentials or fragment, https unless the local
 * profile allows http, on a public address unless the local profile allows private ones (so that a subscription
 * cannot make this service call into its own network).
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2000;

    private static final String NON_PUBLIC = "endpoint resolves to a non-public address";

    private WebhookUrls() {}

    /** What is wrong with the URL's form, if anything (no network access). */
    public static Optional<String> formFault(String url, boolean requireHttps) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            return Optional.of("must be an absolute http(s) URL");
        }
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("must use https");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with the URL's host, if anything: it must resolve, and every address it resolves to must be public
     * unless private ones are allowed. Blocking (DNS): call it on a worker thread.
     */
    public static Optional<String> hostFault(String url, boolean allowPrivate) {
        String host = URI.create(url).getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Checked checked = connectAddress(host, allowPrivate);
        if (checked.fault() == null) {
            return Optional.empty();
        }
        return Optional.of(
                checked.fault().equals(NON_PUBLIC)
                        ? "must not point to a loopback, private or link-local address"
                        : checked.fault());
    }

    /** The address to connect to for a host, or why there is none. */
    public record Checked(String address, String fault) {}

    /**
     * Resolves a host for a delivery and checks every address it has (blocking: a worker thread): the first address,
     * or a fault when it does not resolve or, unless private ones are allowed, any address is not public.
     */
    public static Checked connectAddress(String host, boolean allowPrivate) {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new Checked(null, "host does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress a : all) {
                if (!isPublic(a)) {
                    return new Checked(null, NON_PUBLIC);
                }
            }
        }
        return new Checked(all[0].getHostAddress(), null);
    }

    /** Whether an address is reachable on the public internet (not loopback, private, link-local, CGNAT, ...). */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this" network
                    && !(first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        return true;
    }
}
