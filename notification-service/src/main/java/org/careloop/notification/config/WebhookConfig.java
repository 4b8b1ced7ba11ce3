package org.careloop.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhook subscriptions and their HTTP deliveries. */
@ConfigMapping(prefix = "careloop.webhooks")
public interface WebhookConfig {

    /** Refuse plain-http endpoints (false only in the local stack, dev and tests). */
    @WithDefault("true")
    boolean requireHttps();

    /** Accept endpoints on loopback, private, link-local and other non-public addresses (local stack, dev, tests). */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Time allowed for connecting, sending and the receiver's answer. */
    @WithDefault("10s")
    Duration timeout();

    /** Connections the delivery client keeps per endpoint host. */
    @WithDefault("64")
    int maxConnectionsPerHost();

    /** How long a rotated-out secret keeps signing beside the new one, unless the rotation says otherwise. */
    @WithDefault("P1D")
    Duration rotationOverlap();

    /** Subscriptions one organization may have. */
    @WithDefault("25")
    int maxPerOrganization();

    /** How often the owners of paused subscriptions are told (unsent alerts are looked for). */
    @WithDefault("5s")
    Duration alertInterval();

    /**
     * The key that seals stored signing secrets: {@code <key id>:<base64 of 32 bytes>} (read by {@code SecretCipher}).
     */
    String secretKey();

    /** Keys that sealed secrets before the current one: they still open them. */
    java.util.Optional<java.util.List<String>> previousSecretKeys();
}
