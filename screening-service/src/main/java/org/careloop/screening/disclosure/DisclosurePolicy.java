package org.careloop.screening.disclosure;

import java.time.Instant;
import org.careloop.screening.consent.ConsentDecision;
import org.careloop.screening.person.Person;

/**
 * Whether an organization may read the contact details of the person a referral concerns: only the organization the
 * referral is assigned to, only while it is open, only with the person's consent covering that organization, and
 * never when the person must not be contacted.
 */
public final class DisclosurePolicy {

    private DisclosurePolicy() {}

    /**
     * The answer to one request.
     *
     * @param allowed whether the details are disclosed
     * @param hidden whether a refusal must look like an unknown referral (404): the caller may not know it exists
     * @param reason why not, for the audit log and the caller
     */
    public record Decision(boolean allowed, boolean hidden, String reason) {
        static Decision allow() {
            return new Decision(true, false, null);
        }

        static Decision hide(String reason) {
            return new Decision(false, true, reason);
        }

        static Decision refuse(String reason) {
            return new Decision(false, false, reason);
        }
    }

    /**
     * @param referral what the referral service last said about the referral; null when unknown
     * @param organizationId the caller's organization; null when it has none
     * @param person the person; null when unknown
     * @param consent the person's decision in force; null when none
     * @param now the time of the request
     */
    public static Decision decide(
            ReferralAccess referral, String organizationId, Person person, ConsentDecision consent, Instant now) {
        if (referral == null) {
            return Decision.hide("unknown referral");
        }
        if (organizationId == null || !organizationId.equals(referral.ownerOrganizationId)) {
            return Decision.hide("the referral is assigned to another organization");
        }
        if (!referral.open()) {
            return Decision.refuse("the referral is " + referral.status + ", not open");
        }
        if (person == null) {
            return Decision.refuse("the person's details are not known here");
        }
        if (person.doNotContact) {
            return Decision.refuse("the person must not be contacted");
        }
        if (consent == null || !consent.covers(organizationId, now)) {
            return Decision.refuse("the person's consent does not cover this organization");
        }
        return Decision.allow();
    }
}
