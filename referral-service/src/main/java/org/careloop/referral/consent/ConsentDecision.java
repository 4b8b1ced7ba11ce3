package org.careloop.referral.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.screening.ConsentChanged;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person's consent decision as the screening service last published it on {@code consent-changed}: the referral
 * service's replica, read before every routing decision and enforced on the person's open referrals when it changes.
 */
@Entity
@Table(name = "consent_decision")
public class ConsentDecision implements ConsentCoverage.Decision {

    @Id
    @Column(name = "consent_id")
    private UUID consentId;

    @Column(name = "person_ref", nullable = false)
    private String personRef;

    @Column(name = "requester_organization_id", nullable = false)
    private String requesterOrganizationId;

    @Column(nullable = false)
    private String status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> recipients;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private long version;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "end_enforced_at")
    private Instant endEnforcedAt;

    protected ConsentDecision() {}

    public static ConsentDecision of(ConsentChanged event, Instant now) {
        ConsentDecision decision = new ConsentDecision();
        decision.consentId = event.consentId();
        decision.personRef = event.personRef();
        decision.requesterOrganizationId = event.requesterOrganizationId();
        decision.take(event, now);
        return decision;
    }

    /** Takes the event's state when it is a newer version of this decision; returns whether it was. */
    public boolean apply(ConsentChanged event, Instant now) {
        if (event.version() <= version) {
            return false;
        }
        take(event, now);
        return true;
    }

    /** Whether the event is about the same person at the same clinic as this decision. */
    public boolean sameSubject(ConsentChanged event) {
        return personRef.equals(event.personRef()) && requesterOrganizationId.equals(event.requesterOrganizationId());
    }

    private void take(ConsentChanged event, Instant now) {
        status = event.status();
        recipients = event.recipients() == null ? null : List.copyOf(event.recipients());
        validUntil = event.validUntil();
        changedAt = event.changedAt();
        version = event.version();
        receivedAt = now;
        endEnforcedAt = null;
    }

    /** Whether the decision's period is over and its end was not enforced yet. */
    public boolean endDue(Instant now) {
        return "active".equals(status) && validUntil != null && !now.isBefore(validUntil) && endEnforcedAt == null;
    }

    /** Records that the end of the decision's period was enforced. */
    public void endEnforced(Instant now) {
        endEnforcedAt = now;
    }

    public UUID consentId() {
        return consentId;
    }

    public String personRef() {
        return personRef;
    }

    public String requesterOrganizationId() {
        return requesterOrganizationId;
    }

    @Override
    public String status() {
        return status;
    }

    @Override
    public List<String> recipients() {
        return recipients;
    }

    @Override
    public Instant validUntil() {
        return validUntil;
    }

    @Override
    public Instant changedAt() {
        return changedAt;
    }

    @Override
    public long version() {
        return version;
    }
}
