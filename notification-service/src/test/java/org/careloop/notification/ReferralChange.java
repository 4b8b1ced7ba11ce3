package org.careloop.notification;

import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.referral.ReferralUpdated;

/** Builds {@code referral-updated} data as the referral service publishes it, for unit and integration tests. */
public final class ReferralChange {

    public UUID referralId = UUID.randomUUID();
    public long version = 1;
    public String status = "requested";
    public String previousStatus;
    public UUID screeningId = UUID.randomUUID();
    public UUID needId = UUID.randomUUID();
    public String category = "food-insecurity";
    public String requester = "org-eastside-clinic";
    public String owner = "org-foodbank";
    public String serviceId = "svc-food-pantry";
    public Instant updatedAt = Instant.parse("2026-03-02T09:00:00Z");
    public Integer attempt = 1;
    public UUID previousReferralId;
    public String changedByRole = "system";
    public Instant requestedAt;

    public static ReferralChange requested(Instant at) {
        ReferralChange change = new ReferralChange();
        change.updatedAt = at;
        change.requestedAt = at;
        return change;
    }

    /** The next change of the same referral: version + 1, this status, by this role, at this time. */
    public ReferralChange next(String newStatus, String role, Instant at) {
        ReferralChange next = copy();
        next.version = version + 1;
        next.previousStatus = status;
        next.status = newStatus;
        next.changedByRole = role;
        next.updatedAt = at;
        return next;
    }

    /** The next attempt at the same need: a new referral to another owner. */
    public ReferralChange nextAttempt(String newOwner, Instant at) {
        ReferralChange next = copy();
        next.referralId = UUID.randomUUID();
        next.previousReferralId = referralId;
        next.attempt = (attempt == null ? 1 : attempt) + 1;
        next.version = 1;
        next.status = "requested";
        next.previousStatus = null;
        next.owner = newOwner;
        next.changedByRole = "system";
        next.updatedAt = at;
        next.requestedAt = at;
        return next;
    }

    public ReferralChange copy() {
        ReferralChange c = new ReferralChange();
        c.referralId = referralId;
        c.version = version;
        c.status = status;
        c.previousStatus = previousStatus;
        c.screeningId = screeningId;
        c.needId = needId;
        c.category = category;
        c.requester = requester;
        c.owner = owner;
        c.serviceId = serviceId;
        c.updatedAt = updatedAt;
        c.attempt = attempt;
        c.previousReferralId = previousReferralId;
        c.changedByRole = changedByRole;
        c.requestedAt = requestedAt;
        return c;
    }

    public ReferralUpdated event() {
        return new ReferralUpdated(
                referralId,
                version,
                status,
                previousStatus,
                null,
                screeningId,
                needId,
                "patient-" + referralId,
                category,
                requester,
                owner,
                serviceId,
                updatedAt,
                attempt,
                previousReferralId,
                null,
                "completed".equals(status) ? "need-resolved" : null,
                changedByRole,
                requestedAt);
    }
}
