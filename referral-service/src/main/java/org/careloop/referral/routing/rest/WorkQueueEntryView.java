package org.careloop.referral.routing.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.referral.lifecycle.rest.ReferralView;
import org.careloop.referral.routing.service.WorkQueueService;

/**
 * A need in the work queue with every attempt made at it, first attempt first.
 *
 * @param needId the need
 * @param screeningId the screening it came from
 * @param category SDOHCC category code
 * @param requesterOrganizationId the clinic that screened the person
 * @param reason why it is queued: no-candidates, max-attempts, reassigned
 * @param detail the directory's or the system's explanation
 * @param attemptCount how many referrals were made for it
 * @param queuedAt since when it waits
 * @param claimedBy the coordinator who claimed it, null when nobody did
 * @param claimedAt since when they hold it
 * @param attempts the referrals made for it, with who ended each and why
 */
public record WorkQueueEntryView(
        UUID needId,
        UUID screeningId,
        String category,
        String requesterOrganizationId,
        String reason,
        String detail,
        int attemptCount,
        Instant queuedAt,
        String claimedBy,
        Instant claimedAt,
        List<ReferralView> attempts) {

    static WorkQueueEntryView of(WorkQueueService.Entry entry) {
        var r = entry.routing();
        return new WorkQueueEntryView(
                r.needId(),
                r.screeningId(),
                r.category(),
                r.requesterOrganizationId(),
                r.stateReason(),
                r.stateDetail(),
                r.attempts(),
                r.queuedAt(),
                r.claimedBy(),
                r.claimedAt(),
                entry.attempts().stream().map(ReferralView::of).toList());
    }
}
