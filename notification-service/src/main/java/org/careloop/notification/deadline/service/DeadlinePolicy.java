package org.careloop.notification.deadline.service;

import java.util.Objects;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.ReferralStatusCodes;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.notification.chase.ChasePlanner;
import org.careloop.notification.deadline.AcknowledgementDeadline;
import org.careloop.notification.deadline.DeadlineState;
import org.careloop.notification.policy.EffectivePolicy;

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

    private DeadlinePolicy() {}

    /** Whether a status code is one of the SDOHCC referral Task statuses. */
    public static boolean isKnownStatus(String status) {
        return ReferralStatusCodes.isCode(status);
    }

    /**
     * How a deadline closes when the referral leaves requested for {@code status}: MET when the owner itself responded,
     * CLEARED otherwise. A coordinator setting an owner status acts on the owner's behalf, which is not the owner's
     * acknowledgement; a change from an older producer, without a role, counts as the owner's.
     */
    public static DeadlineState resolutionOf(String status, String changedByRole) {
        boolean ownerStatus = ReferralStatusCodes.OWNER_RESPONSES.contains(status);
        return ownerStatus && !ActorRoles.COORDINATOR.equals(changedByRole) ? DeadlineState.MET : DeadlineState.CLEARED;
    }

    /**
     * Applies an event to a referral's deadline row (a new, empty row for a referral never seen before).
     *
     * @param deadline the row to update in place
     * @param event the referral's state after a change
     * @param policy the owner's policy now: an opened deadline is due at its escalation time
     * @return what changed
     */
    public static Change apply(AcknowledgementDeadline deadline, ReferralUpdated event, EffectivePolicy policy) {
        if (event.version() <= deadline.lastVersion) {
            return Change.STALE;
        }
        deadline.lastVersion = event.version();
        if (ReferralStatusCodes.REQUESTED.equals(event.status())) {
            if (deadline.state == DeadlineState.OPEN
                    && Objects.equals(deadline.ownerOrganizationId, event.ownerOrganizationId())) {
                return Change.STILL_OPEN;
            }
            open(deadline, event, policy);
            return Change.OPENED;
        }
        if (deadline.state != DeadlineState.OPEN) {
            return Change.VERSION_ONLY;
        }
        DeadlineState resolution = resolutionOf(event.status(), event.changedByRole());
        deadline.state = resolution;
        deadline.resolvedAt = event.updatedAt();
        deadline.resolvedStatus = event.status();
        deadline.resolvedByRole = event.changedByRole();
        return resolution == DeadlineState.MET ? Change.MET : Change.CLEARED;
    }

    private static void open(AcknowledgementDeadline deadline, ReferralUpdated event, EffectivePolicy policy) {
        deadline.state = DeadlineState.OPEN;
        deadline.ownerOrganizationId = event.ownerOrganizationId();
        deadline.category = event.category();
        deadline.requestedAt = ChasePlanner.requestedAt(event);
        deadline.dueAt = policy.acknowledgement(deadline.requestedAt).escalateAt();
        deadline.policy = policy.source();
        deadline.resolvedAt = null;
        deadline.resolvedStatus = null;
        deadline.resolvedByRole = null;
    }
}
