package org.careloop.notification.delivery.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.careloop.notification.delivery.Delivery;
import org.careloop.notification.delivery.DeliveryAttempt;
import org.careloop.notification.delivery.DeliveryState;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The record of a delivery: where it went, how its attempts went; {@code attempts} listed only for one delivery. */
@Schema(name = "Delivery")
public record DeliveryView(
        UUID id,
        UUID noticeId,
        String type,
        String channel,

        @Schema(description = "The channel's address: the subscription id, the e-mail address")
        String target,

        String organizationId,
        UUID referralId,

        @Schema(enumeration = {"pending", "sending", "delivered", "failed", "cancelled"})
        String state,

        int attemptCount,
        Instant createdAt,

        @Schema(
                description = "When it is tried next; null once ended, or while it waits for an earlier delivery of the"
                        + " referral to the same destination, or for its paused subscription")
        Instant nextAttemptAt,

        Instant lastAttemptAt,
        Instant deliveredAt,

        @Schema(description = "HTTP status or SMTP reply of the last attempt")
        Integer lastStatus,

        Long lastLatencyMillis,
        String lastError,
        UUID replayOf,
        List<AttemptView> attempts) {

    /** One attempt. */
    @Schema(name = "DeliveryAttempt")
    public record AttemptView(
            int attempt, Instant attemptedAt, boolean delivered, Integer status, long latencyMillis, String error) {

        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attempt, a.attemptedAt, a.delivered, a.responseStatus, a.latencyMillis, a.error);
        }
    }

    public static DeliveryView of(Delivery d) {
        return of(d, null);
    }

    public static DeliveryView of(Delivery d, List<DeliveryAttempt> attempts) {
        boolean open = d.state == DeliveryState.PENDING || d.state == DeliveryState.SENDING;
        return new DeliveryView(
                d.id,
                d.noticeId,
                d.noticeType,
                d.channel,
                d.target,
                d.organizationId,
                d.referralId,
                d.state.name().toLowerCase(Locale.ROOT),
                d.attempts,
                d.createdAt,
                open && !Delivery.WAITING.equals(d.nextAttemptAt) ? d.nextAttemptAt : null,
                d.lastAttemptAt,
                d.deliveredAt,
                d.lastStatus,
                d.lastLatencyMillis,
                d.lastError,
                d.replayOf,
                attempts == null ? null : attempts.stream().map(AttemptView::of).toList());
    }

    /** A state query parameter: null when absent, a 400 naming {@code state} when unknown. */
    public static DeliveryState state(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (DeliveryState s : DeliveryState.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw ProblemException.badRequest("state", "must be one of pending, sending, delivered, failed, cancelled");
    }
}
