package org.careloop.notification.deadline.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.notification.deadline.AcknowledgementDeadline;
import org.careloop.notification.deadline.DeadlineState;

/** The deadline state machine: what one {@code referral-updated} event does to a referral's deadline. */
public final class DeadlinePolicy {

    /** What applying an event changed. */
    public enum Change {
        /** The event's version is not newer than the last one applied: nothing changed. */
        STALE,
        /** A deadline was opened, or reopened with a fresh clock (new request, or a different owner). */
        OPENED,
        /** Still requested from the same owner: the running clock is kept, or the owner could be chased forever. */
        STILL_OPEN,
        /** The open deadline was closed because the owner responded. */
        MET,
        /** The open deadline was closed without an owner response. */
        CLEARED,
        /** No deadline was open and none opens: only the version is recorded. */
        VERSION_ONLY
    }

    /** The SDOHCC Task status that asks the owner to act. */
    public static final String REQUESTED = "requested";

    /** SDOHCC referral Task statuses (FHIR TaskStatus without ready and received). */
    public static final Set<String> STATUSES = Set.copyOf(ReferralUpdated.statusCodes());

    /**
     * Statuses only the referral target sets (SDOHCC): reaching one of them from requested means the owner responded,
     * even when it skipped {@code accepted}.
     */
    private static final Set<String> OWNER_RESPONSES =
            Set.of("accepted", "rejected", "in-progress", "on-hold", "failed", "completed");

    private final Duration acknowledgeWithin;

    public DeadlinePolicy(Duration acknowledgeWithin) {
        if (acknowledgeWithin == null || acknowledgeWithin.isNegative() || acknowledgeWithin.isZero()) {
            throw new IllegalArgumentException("The acknowledgement window must be positive: " + acknowledgeWithin);
        }
        this.acknowledgeWithin = acknowledgeWithin;
    }

    /** Whether a status code is one of the SDOHCC referral Task statuses. */
    public static boolean isKnownStatus(String status) {
        return STATUSES.contains(status);
    }

    /** How a deadline closes when the referral moves from requested to {@code status}. */
    public static DeadlineState resolutionOf(String status) {
        return OWNER_RESPONSES.contains(status) ? DeadlineState.MET : DeadlineState.CLEARED;
    }

    /**
     * Applies an event to a referral's deadline row (a new, empty row for a referral never seen before).
     *
     * @param deadline the row to update in place
     * @param event the referral's state after a change
     * @return what changed
     */
    public Change apply(AcknowledgementDeadline deadline, ReferralUpdated event) {
        if (event.version() <= deadline.lastVersion) {
            return Change.STALE;
        }
        deadline.lastVersion = event.version();
        if (REQUESTED.equals(event.status())) {
            if (deadline.state == DeadlineState.OPEN
                    && Objects.equals(deadline.ownerOrganizationId, event.ownerOrganizationId())) {
                return Change.STILL_OPEN;
            }
            open(deadline, event);
            return Change.OPENED;
        }
        if (deadline.state != DeadlineState.OPEN) {
            return Change.VERSION_ONLY;
        }
        DeadlineState resolution = resolutionOf(event.status());
        deadline.state = resolution;
        deadline.resolvedAt = event.updatedAt();
        deadline.resolvedStatus = event.status();
        return resolution == DeadlineState.MET ? Change.MET : Change.CLEARED;
    }

    private void open(AcknowledgementDeadline deadline, ReferralUpdated event) {
        deadline.state = DeadlineState.OPEN;
        deadline.ownerOrganizationId = event.ownerOrganizationId();
        deadline.category = event.category();
        deadline.requestedAt = event.updatedAt();
        deadline.dueAt = event.updatedAt().plus(acknowledgeWithin);
        deadline.resolvedAt = null;
        deadline.resolvedStatus = null;
    }
}
