package org.careloop.referral.routing.rest;

import java.time.Instant;
import java.util.UUID;
import org.careloop.referral.routing.NeedRouting;

/**
 * A need in the coordinators' work queue. Ids and codes only: the person is read at the clinic.
 *
 * @param needId the need
 * @param screeningId the screening it came from
 * @param category SDOHCC category code
 * @param requesterOrganizationId the clinic that screened the person
 * @param reason why it is queued: no-candidates, max-attempts, reassigned
 * @param detail the directory's or the system's explanation
 * @param attemptCount how many referrals were made for it
 * @param lastReferralId its last referral, null when none was ever made
 * @param queuedAt since when it waits
 * @param claimedBy the coordinator who claimed it, null when nobody did
 * @param claimedAt since when they hold it
 */
public record WorkQueueItemView(
        UUID needId,
        UUID screeningId,
        String category,
        String requesterOrganizationId,
        String reason,
        String detail,
        int attemptCount,
        UUID lastReferralId,
        Instant queuedAt,
        String claimedBy,
        Instant claimedAt) {

    static WorkQueueItemView of(NeedRouting r) {
        return new WorkQueueItemView(
                r.needId(),
                r.screeningId(),
                r.category(),
                r.requesterOrganizationId(),
                r.stateReason(),
                r.stateDetail(),
                r.attempts(),
                r.currentReferralId(),
                r.queuedAt(),
                r.claimedBy(),
                r.claimedAt());
    }
}
