package org.careloop.notification.deadline.rest;

import java.time.Instant;
import java.util.UUID;
import org.careloop.notification.deadline.AcknowledgementDeadline;
import org.careloop.notification.deadline.DeadlineState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An acknowledgement deadline as the API shows it.
 *
 * @param referralId the referral
 * @param ownerOrganizationId the organization that must acknowledge it; null while unassigned
 * @param category SDOHCC category code of the referral
 * @param requestedAt when the referral was requested
 * @param dueAt when the acknowledgement is due: the escalation time of the owner's policy when it was requested
 * @param state OPEN, MET or CLEARED
 * @param resolvedAt when the deadline was closed, null while open
 * @param resolvedStatus the referral status that closed it, null while open
 * @param overdue open and past its due time
 * @param resolvedByRole who made the change that closed it (owner, requester, coordinator, system); null while open
 * @param policy which acknowledgement policy set the due time: default or organization
 */
@Schema(name = "Deadline", description = "Time by which the owner organization must accept or reject a referral")
public record DeadlineView(
        UUID referralId,
        String ownerOrganizationId,
        String category,
        Instant requestedAt,
        Instant dueAt,
        DeadlineState state,
        Instant resolvedAt,
        String resolvedStatus,
        boolean overdue,
        String resolvedByRole,
        String policy) {

    public static DeadlineView of(AcknowledgementDeadline d, Instant now) {
        return new DeadlineView(
                d.referralId,
                d.ownerOrganizationId,
                d.category,
                d.requestedAt,
                d.dueAt,
                d.state,
                d.resolvedAt,
                d.resolvedStatus,
                d.isOverdue(now),
                d.resolvedByRole,
                d.policy);
    }
}
