package org.careloop.screening.person;

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

/**
 * Encrypts a person's details for their column: AES-256-GCM with a fresh 96-bit nonce per value, the key id and the
 * person reference bound in as associated data (a value copied onto another person's row does not decrypt). Values
 * read {@code <key id>:<base64 of nonce and ciphertext>}; any configured key decrypts, the current one encrypts.
 */
public final class DetailsCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param current the current key, {@code <id>:<base64 of 32 bytes>}
     * @param previous keys that may still have encrypted some rows
     */
    public DetailsCipher(String current, List<String> previous) {
        Map<String, SecretKeySpec> ring = new LinkedHashMap<>();
        String[] parsed = parse(current, "careloop.privacy.encryption-key");
        currentId = parsed[0];
        ring.put(parsed[0], key(parsed));
        for (String old : previous) {
            String[] p = parse(old, "careloop.privacy.previous-keys");
            if (ring.containsKey(p[0])) {
                throw new IllegalArgumentException("careloop.privacy.previous-keys: key id " + p[0] + " is used twice");
            }
            ring.put(p[0], key(p));
        }
        keys = Map.copyOf(ring);
    }

    /** The id of the key new values are encrypted with. */
    public String currentKeyId() {
        return currentId;
    }

    /** The id of the key that encrypted {@code stored}. */
    public static String keyIdOf(String stored) {
        int colon = stored.indexOf(':');
        return colon < 0 ? "" : stored.substring(0, colon);
    }

    public String encrypt(String plaintext, String personRef) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(currentId, personRef));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt person details", e);
        }
    }

    public String decrypt(String stored, String personRef) {
        String id = keyIdOf(stored);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("Person details encrypted with key '" + id + "', which is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(id.length() + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(id, personRef));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Person details of " + personRef + " do not decrypt", e);
        }
    }

    private static byte[] aad(String keyId, String personRef) {
        return (keyId + "|" + personRef).getBytes(StandardCharsets.UTF_8);
    }

    private static String[] parse(String value, String property) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 1 || !value.substring(0, colon).matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException(property + " must read <key id>:<base64 key>");
        }
        return new String[] {
            value.substring(0, colon), value.substring(colon + 1).strip()
        };
    }

    private static SecretKeySpec key(String[] parsed) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(parsed[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Key " + parsed[0] + " is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "Key " + parsed[0] + " must have 32 bytes (AES-256), it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
