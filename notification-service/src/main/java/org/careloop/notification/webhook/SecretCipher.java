package org.careloop.notification.webhook;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Seals the webhook signing secrets the service stores (it must sign with them, so they cannot be hashed): AES-256-GCM
 * under {@code careloop.webhooks.secret-key} ({@code <key id>:<base64 of 32 bytes>}), stored as
 * {@code enc:v1:<key id>:<base64 of IV and ciphertext>}. Keys named in {@code careloop.webhooks.previous-secret-keys}
 * still open what they sealed, so the key can be rotated; a value stored before sealing (plain {@code whsec_...}) is
 * read as it is.
 */
public final class SecretCipher {

    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile SecretCipher instance;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    SecretCipher(String current, List<String> previous) {
        Map<String, SecretKeySpec> all = new LinkedHashMap<>();
        String id = put(all, current, "careloop.webhooks.secret-key");
        for (String key : previous) {
            put(all, key, "careloop.webhooks.previous-secret-keys");
        }
        this.currentId = id;
        this.keys = Map.copyOf(all);
    }

    /** The cipher of this service's configuration. */
    public static SecretCipher instance() {
        SecretCipher cipher = instance;
        if (cipher == null) {
            var config = ConfigProvider.getConfig();
            cipher = new SecretCipher(
                    config.getValue("careloop.webhooks.secret-key", String.class),
                    config.getOptionalValues("careloop.webhooks.previous-secret-keys", String.class)
                            .orElse(List.of()));
            instance = cipher;
        }
        return cipher;
    }

    public String seal(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(currentId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a webhook secret", e);
        }
    }

    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String id = rest.substring(0, colon);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("A webhook secret is sealed with key '" + id
                    + "', which is neither careloop.webhooks.secret-key nor in careloop.webhooks.previous-secret-keys");
        }
        try {
            byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored webhook secret does not open with key '" + id + "'", e);
        }
    }

    private static String put(Map<String, SecretKeySpec> keys, String value, String property) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException(property + " must be <key id>:<base64 of 32 bytes>");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be <key id>:<base64 of 32 bytes>", e);
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(property + " must hold 32 bytes (AES-256), not " + key.length);
        }
        String id = value.substring(0, colon);
        keys.put(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    /** Checks the keys at start, so that a missing or malformed key stops the service with the property at fault. */
    @ApplicationScoped
    static class StartupCheck {
        void check(@Observes StartupEvent event) {
            instance();
        }
    }
}
