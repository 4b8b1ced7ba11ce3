package org.careloop.referral.lifecycle;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.platform.security.Roles;

/**
 * Who acts on referrals and what they may see: coordinators and operators see every referral, community
 * organization staff those sent to their organization (never a draft that was not sent), clinics those they
 * requested.
 *
 * @param name the caller's name, recorded in the status history
 * @param coordinator whether the caller steers every referral
 * @param seesAll whether the caller may read every referral (coordinator or operator)
 * @param ownerOrganizationId the caller's organization when it acts as a community organization, else null
 * @param requesterOrganizationId the caller's organization when it acts as a clinic, else null
 */
public record Actor(
        String name, boolean coordinator, boolean seesAll, String ownerOrganizationId, String requesterOrganizationId) {

    /** The actor for a caller with these roles and this {@code org_id} claim. */
    public static Actor of(String name, Predicate<String> hasRole, Optional<String> organizationId) {
        boolean coordinator = hasRole.test(Roles.COORDINATOR);
        boolean seesAll = coordinator || hasRole.test(Roles.OPERATOR);
        String organization = organizationId.orElse(null);
        return new Actor(
                name,
                coordinator,
                seesAll,
                hasRole.test(Roles.CBO_STAFF) ? organization : null,
                hasRole.test(Roles.CLINIC) ? organization : null);
    }

    /** Whether the caller is limited to the referrals of an organization. */
    public boolean organizationScoped() {
        return !seesAll;
    }

    /** Whether the caller may read this referral; anything else must look unknown to them. */
    public boolean canSee(Referral referral) {
        return seesAll || !partiesFor(referral).isEmpty();
    }

    /**
     * Who the caller is for this referral in {@code referral-updated}'s terms: {@code owner} when they are staff of
     * its owner organization, else {@code requester} for the clinic that requested it, else {@code coordinator}
     * (acting on an organization's behalf).
     */
    public String roleFor(Referral referral) {
        Set<Party> parties = partiesFor(referral);
        if (parties.contains(Party.OWNER)) {
            return ActorRoles.OWNER;
        }
        if (parties.contains(Party.REQUESTER)) {
            return ActorRoles.REQUESTER;
        }
        return ActorRoles.COORDINATOR;
    }

    /** The parts the caller plays for this referral; empty when it is none of theirs. */
    public Set<Party> partiesFor(Referral referral) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (coordinator) {
            parties.add(Party.COORDINATOR);
        }
        // A draft is the clinic's proposal: the organization it names has not been sent anything and sees nothing.
        if (ownerOrganizationId != null
                && referral.disclosed()
                && ownerOrganizationId.equals(referral.ownerOrganizationId())) {
            parties.add(Party.OWNER);
        }
        if (requesterOrganizationId != null && requesterOrganizationId.equals(referral.requesterOrganizationId())) {
            parties.add(Party.REQUESTER);
        }
        return parties;
    }
}
