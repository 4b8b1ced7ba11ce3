package org.careloop.screening.person.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Keys that protect the people this service knows, and how their data is kept. */
@ConfigMapping(prefix = "careloop.privacy")
public interface PrivacyConfig {

    /**
     * The key that encrypts people's details from now on, as {@code <key id>:<base64 of 32 random bytes>}. Rotate by
     * making the current key a previous one and configuring a new one here: rows are re-encrypted in the background.
     */
    String encryptionKey();

    /** Keys that encrypted details before the current one, same form, comma-separated; kept until rotation ends. */
    Optional<List<String>> previousKeys();

    /**
     * The key of the pseudonymous person references, base64 of at least 32 random bytes. Never rotate it casually:
     * a new key gives every person a new reference, and the loop of their earlier referrals can no longer be joined.
     */
    String pseudonymKey();

    /** How often rows encrypted with a previous key are re-encrypted with the current one, and how many at a time. */
    @WithDefault("1m")
    Duration reEncryptInterval();

    @WithDefault("200")
    int reEncryptBatch();
}
