package org.careloop.screening.audit.rest;

import java.time.Instant;
import java.util.UUID;
import org.careloop.screening.audit.AuditEntry;

/**
 * One audited act.
 *
 * @param id row id
 * @param at when
 * @param actor user or client
 * @param actorRole the role it acted under
 * @param actorOrganizationId its organization
 * @param personRef whose data
 * @param referralId the referral it was for, when any
 * @param action what, e.g. {@code read-contact}, {@code revoke-consent}
 * @param purpose why, as the caller said
 * @param outcome {@code allowed} or {@code denied}
 * @param reason why denied, or a note on what was done
 */
public record AuditView(
        long id,
        Instant at,
        String actor,
        String actorRole,
        String actorOrganizationId,
        String personRef,
        UUID referralId,
        String action,
        String purpose,
        String outcome,
        String reason) {

    static AuditView of(AuditEntry e) {
        return new AuditView(
                e.id,
                e.at,
                e.actor,
                e.actorRole,
                e.actorOrganizationId,
                e.personRef,
                e.referralId,
                e.action,
                e.purpose,
                e.outcome,
                e.reason);
    }
}
