package org.careloop.referral.lifecycle.rest;

import java.time.Instant;
import org.careloop.referral.lifecycle.ReferralStatusChange;

/**
 * One entry of a referral's status history.
 *
 * @param version the referral version this change produced
 * @param fromStatus the status before, null for the creation
 * @param toStatus the status after
 * @param reason the reason given, may be null
 * @param changedBy the user, or the event source for changes caused by events
 * @param changedAt when the change happened
 * @param reasonCode coded reason, may be null
 * @param changedByRole owner, requester, coordinator or system; null for changes made before roles were recorded
 */
public record StatusChangeView(
        long version,
        String fromStatus,
        String toStatus,
        String reason,
        String changedBy,
        Instant changedAt,
        String reasonCode,
        String changedByRole) {

    static StatusChangeView of(ReferralStatusChange c) {
        return new StatusChangeView(
                c.version(),
                c.fromStatus() == null ? null : c.fromStatus().code(),
                c.toStatus().code(),
                c.reason(),
                c.changedBy(),
                c.changedAt(),
                c.reasonCode(),
                c.changedByRole());
    }
}
