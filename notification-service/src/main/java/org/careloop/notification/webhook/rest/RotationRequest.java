package org.careloop.notification.webhook.rest;

import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How long the old secret keeps signing beside the new one. */
@Schema(name = "WebhookSecretRotation")
public record RotationRequest(
        @Schema(
                description = "ISO-8601 duration, PT0S to P7D; default careloop.webhooks.rotation-overlap (P1D)",
                example = "PT24H",
                implementation = String.class)
        Duration overlap) {}
