package org.careloop.notification.email;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E-mail addresses as settings accept them: a bare RFC 5322 addr-spec (dot-atom local part, a host name of at least
 * two labels), no display name, no quoting, no comments, no line breaks, at most 254 characters (RFC 5321).
 */
public final class EmailAddresses {

    /** RFC 5321: the longest address a forward path can carry. */
    public static final int MAX_LENGTH = 254;

    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern LOCAL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private EmailAddresses() {}

    /** Why the text is not an acceptable address, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("is required");
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            return Optional.of("must not contain line breaks");
        }
        if (text.contains("<") || text.contains(">") || text.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("must be a bare address such as team@example.org, without a display name");
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf('@') != at) {
            return Optional.of("must be an e-mail address such as team@example.org");
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.length() > MAX_LOCAL_LENGTH) {
            return Optional.of("must have a local part of at most " + MAX_LOCAL_LENGTH + " characters");
        }
        if (!LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return Optional.of("must be an e-mail address such as team@example.org");
        }
        return Optional.empty();
    }

    /** The address for logs: first character of the local part, then the domain ({@code t***@example.org}). */
    public static String mask(String address) {
        if (address == null) {
            return "null";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
