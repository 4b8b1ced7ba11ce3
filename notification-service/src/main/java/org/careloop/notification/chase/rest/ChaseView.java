package org.careloop.notification.chase.rest;

import java.time.Instant;
import java.util.UUID;
import org.careloop.notification.chase.ChaseTimer;
import org.careloop.notification.chase.TimerState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A chase of a referral: scheduled, fired or cancelled.
 *
 * @param chaseId the chase (the {@code chaseId} of its {@code referral-chased} event)
 * @param referralId the referral chased
 * @param needId the need the referral addresses
 * @param kind reminder, escalation, recall, outcome-update-requested or contact-window-warning
 * @param state PENDING, FIRED or CANCELLED
 * @param dueAt when it is (or was) due
 * @param firedAt when it fired, null unless FIRED; later than dueAt after downtime
 * @param cancelledAt when a referral change made it moot, null unless CANCELLED
 * @param cancelReason the change that made it moot
 * @param policy which policy set the due time: default or organization
 * @param referralVersion the referral version it was scheduled for
 * @param ownerOrganizationId the organization chased
 * @param category SDOHCC category code
 * @param createdAt when it was scheduled
 */
@Schema(
        name = "Chase",
        description = "A reminder, escalation, recall, outcome-update request or contact-window warning")
public record ChaseView(
        UUID chaseId,
        UUID referralId,
        UUID needId,

        @Schema(
                enumeration = {"reminder", "escalation", "recall", "outcome-update-requested", "contact-window-warning"
                })
        String kind,

        TimerState state,
        Instant dueAt,
        Instant firedAt,
        Instant cancelledAt,
        String cancelReason,
        @Schema(enumeration = {"default", "organization"}) String policy,
        long referralVersion,
        String ownerOrganizationId,
        String category,
        Instant createdAt) {

    public static ChaseView of(ChaseTimer t) {
        return new ChaseView(
                t.id,
                t.referralId,
                t.needId,
                t.kind.chaseKind(),
                t.state,
                t.dueAt,
                t.firedAt,
                t.cancelledAt,
                t.cancelReason,
                t.policy,
                t.referralVersion,
                t.ownerOrganizationId,
                t.category,
                t.createdAt);
    }
}
