package org.careloop.screening.person;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous person references: HMAC-SHA256 of the clinic's organization id and its own patient identifier under a
 * key only this service holds. Stable for one person at one clinic (the loop can be followed), different between
 * clinics, and not reversible without the key (a clinic's identifiers are guessable, so a plain hash would not do).
 */
public final class PersonRefs {

    /** What a reference looks like: {@code p1-} and 43 base64url characters. */
    public static final Pattern SHAPE = Pattern.compile("p1-[A-Za-z0-9_-]{43}");

    private final SecretKeySpec key;

    public PersonRefs(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The pseudonym key must have at least 32 bytes, it has " + key.length);
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** From configuration: base64 of the key. */
    public static PersonRefs fromBase64(String key) {
        try {
            return new PersonRefs(Base64.getDecoder().decode(key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("careloop.privacy.pseudonym-key: " + e.getMessage(), e);
        }
    }

    /** The reference of patient {@code patientId} of clinic {@code organizationId}. */
    public String of(String organizationId, String patientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // A separator that neither id may contain, so that ("a:b", "c") and ("a", "b:c") differ.
            byte[] digest = mac.doFinal((organizationId + "\n" + patientId).getBytes(StandardCharsets.UTF_8));
            return "p1-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static boolean isRef(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }
}
