package org.careloop.referral.consent;

import java.time.Instant;
import java.util.List;
import org.careloop.contracts.codes.StatusReasonCodes;

/**
 * Whom one need may be shared with: the recipients the match carried (the consent recorded with the screening) and
 * the person's current consent decision as the replica knows it, which may have changed since. Both must cover an
 * organization; a decision that permits nothing blocks the need altogether. Pure Java.
 *
 * @param matchRecipients the organizations the screening's consent covered, null for all of them
 * @param current the person's current decision at the clinic, null when the replica knows none
 * @param now when the question is asked
 */
public record ConsentScope(List<String> matchRecipients, ConsentCoverage.Decision current, Instant now) {

    /** Whether nothing may be shared any more: the current decision was revoked, refused or has expired. */
    public boolean blocked() {
        return current != null && !ConsentCoverage.permits(current, now);
    }

    /** Whether the need may go to {@code organizationId}. */
    public boolean covers(String organizationId) {
        if (organizationId == null || blocked()) {
            return false;
        }
        if (matchRecipients != null && !matchRecipients.contains(organizationId)) {
            return false;
        }
        return current == null || ConsentCoverage.covers(current, organizationId, now);
    }

    /** The organizations the need may go to, for the directory; null when every organization may. */
    public List<String> recipients() {
        List<String> decided = current == null ? null : current.recipients();
        if (matchRecipients == null) {
            return decided == null ? null : List.copyOf(decided);
        }
        if (decided == null) {
            return List.copyOf(matchRecipients);
        }
        return matchRecipients.stream().filter(decided::contains).distinct().toList();
    }

    /** Why a blocked need is closed: see {@link ConsentCoverage#endReason}. */
    public String blockedReason() {
        return current == null ? StatusReasonCodes.CONSENT_EXPIRED : ConsentCoverage.endReason(current);
    }
}
