package org.careloop.referral.lifecycle;

import java.util.Set;
import java.util.UUID;

/**
 * What a list of referrals is filtered on: the caller's scope and optional filters.
 *
 * @param actor whose referrals; limits the list to the actor's organization unless they see all
 * @param statuses only these statuses; empty for any
 * @param screeningId only referrals of this screening, or null
 * @param needId only the attempts at this need, or null
 */
public record ReferralCriteria(Actor actor, Set<ReferralStatus> statuses, UUID screeningId, UUID needId) {

    public ReferralCriteria(Actor actor, Set<ReferralStatus> statuses, UUID screeningId) {
        this(actor, statuses, screeningId, null);
    }

    public ReferralCriteria {
        statuses = Set.copyOf(statuses);
    }
}
