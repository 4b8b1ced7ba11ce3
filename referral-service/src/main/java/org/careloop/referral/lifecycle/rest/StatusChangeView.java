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
 */
public record StatusChangeView(
        long version, String fromStatus, String toStatus, String reason, String changedBy, Instant changedAt) {

    static StatusChangeView of(ReferralStatusChange c) {
        return new StatusChangeView(
                c.version(),
                c.fromStatus() == null ? null : c.fromStatus().code(),
                c.toStatus().code(),
                c.reason(),
                c.changedBy(),
                c.changedAt());
    }
}
