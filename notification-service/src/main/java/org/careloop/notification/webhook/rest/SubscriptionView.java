package org.careloop.notification.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.webhook.WebhookSecret;
import org.careloop.notification.webhook.WebhookSubscription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription; {@code secret} only in the answer that created it. */
@Schema(name = "WebhookSubscription")
public record SubscriptionView(
        UUID id,
        String organizationId,
        String url,
        List<String> types,
        String description,
        String contactEmail,
        @Schema(enumeration = {"active", "paused"}) String state,
        String pausedReason,
        Instant pausedAt,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "The signing secret (whsec_...); shown when created, later under /secret")
        String secret) {

    public static SubscriptionView of(WebhookSubscription s) {
        return of(s, null);
    }

    public static SubscriptionView of(WebhookSubscription s, WebhookSecret secret) {
        return new SubscriptionView(
                s.id,
                s.organizationId,
                s.url,
                s.typeList(),
                s.description,
                s.contactEmail,
                s.state.name().toLowerCase(java.util.Locale.ROOT),
                s.pausedReason,
                s.pausedAt,
                s.createdAt,
                s.updatedAt,
                secret == null ? null : secret.secret);
    }
}
