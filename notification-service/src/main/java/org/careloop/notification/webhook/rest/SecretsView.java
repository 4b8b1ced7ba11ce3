package org.careloop.notification.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.webhook.service.SubscriptionService.WithSecrets;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The secrets that sign a subscription's deliveries now: the current one first. */
@Schema(name = "WebhookSecrets")
public record SecretsView(UUID subscriptionId, List<Secret> secrets) {

    /** A secret; {@code expiresAt} is set on a rotated-out one. */
    public record Secret(String secret, Instant createdAt, Instant expiresAt) {}

    public static SecretsView of(WithSecrets w) {
        return new SecretsView(
                w.subscription().id,
                w.secrets().stream()
                        .map(s -> new Secret(s.secret, s.createdAt, s.expiresAt))
                        .toList());
    }
}
