package org.careloop.notification.webhook.rest;

import java.util.List;
import org.careloop.notification.webhook.service.SubscriptionDraft;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as the subscriber asks for it. */
@Schema(name = "WebhookSubscriptionRequest")
public record SubscriptionRequest(
        @Schema(description = "Whose referrals: the caller's own organization (operators must name one)")
        String organizationId,

        @Schema(description = "The endpoint: https (http only in the local profile), a public address", required = true)
        String url,

        @Schema(description = "Notice types; all when left out", example = "[\"referral.status-changed\"]")
        List<String> types,

        @Schema(description = "A label, at most 200 characters")
        String description,

        @Schema(description = "Who to tell when the subscription is paused for failing deliveries")
        String contactEmail) {

    public SubscriptionDraft draft() {
        return new SubscriptionDraft(organizationId, url, types, description, contactEmail);
    }
}
