package org.careloop.directory.exchange.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Name-based UUIDs (version 5, URL namespace), the same as PostgreSQL's uuid_generate_v5(uuid_ns_url(), name). */
public final class Uuids {

    private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private Uuids() {}

    public static String v5(String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer namespace = ByteBuffer.allocate(16);
        namespace.putLong(URL_NAMESPACE.getMostSignificantBits());
        namespace.putLong(URL_NAMESPACE.getLeastSignificantBits());
        sha1.update(namespace.array());
        sha1.update(name.getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    /** The CareLoop taxonomy's term of a need category. */
    public static String needTerm(String category) {
        return v5("https://careloop.org/taxonomies/needs/" + category);
    }

    /** The attribute that tags a service with a need category (as migration V3 computes it). */
    public static String needAttribute(String serviceId, String category) {
        return v5("https://careloop.org/attributes/" + serviceId + "/need_category/" + category);
    }

    /** The unit of a name, as migration V3 computes it. */
    public static String unit(String name) {
        return v5("https://careloop.org/units/" + name);
    }
}
