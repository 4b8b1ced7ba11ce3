package org.careloop.screening.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.codes.ConsentStatusCodes;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person's decision on sharing their needs with community organizations (SDOHCC Consent, category IDSCL): permit
 * or deny, for all organizations or a list, from a time and maybe until one. The latest decision of a person is in
 * force; revoking or expiring it ends the permission, and no earlier decision comes back.
 */
@Entity
@Table(name = "consent_decision")
public class ConsentDecision {

    public static final String PERMIT = "permit";
    public static final String DENY = "deny";

    @Id
    public UUID id;

    @Column(name = "person_ref", nullable = false)
    public String personRef;

    /** The clinic that recorded it. */
    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(nullable = false)
    public String decision;

    /** The organizations covered; null for all community organizations. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> recipients;

    /** {@link ConsentStatusCodes}. */
    @Column(nullable = false)
    public String status;

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    @Column(name = "valid_until")
    public Instant validUntil;

    /** The screening it was recorded with, null when recorded on its own. */
    @Column(name = "screening_id")
    public UUID screeningId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "status_note")
    public String statusNote;

    @Version
    @Column(nullable = false)
    public long version;

    /** A new decision, in force from {@code now}. */
    public static ConsentDecision record(
            String personRef,
            String organizationId,
            boolean permit,
            List<String> recipients,
            Instant validUntil,
            UUID screeningId,
            String recordedBy,
            Instant now) {
        ConsentDecision consent = new ConsentDecision();
        consent.id = UUID.randomUUID();
        consent.personRef = personRef;
        consent.organizationId = organizationId;
        consent.decision = permit ? PERMIT : DENY;
        consent.recipients = permit && recipients != null ? new ArrayList<>(recipients) : null;
        consent.status = permit ? ConsentStatusCodes.ACTIVE : ConsentStatusCodes.REFUSED;
        consent.validFrom = now;
        consent.validUntil = permit ? validUntil : null;
        consent.screeningId = screeningId;
        consent.recordedAt = now;
        consent.recordedBy = recordedBy;
        consent.statusChangedAt = now;
        return consent;
    }

    /** Whether it lets {@code organizationId} receive the person's needs and details at {@code now}. */
    public boolean covers(String organizationId, Instant now) {
        return ConsentStatusCodes.ACTIVE.equals(status)
                && (validUntil == null || now.isBefore(validUntil))
                && (recipients == null || recipients.contains(organizationId));
    }

    /** Whether it is active now (its period not over). */
    public boolean inForce(Instant now) {
        return ConsentStatusCodes.ACTIVE.equals(status) && (validUntil == null || now.isBefore(validUntil));
    }

    /** Ends the permission: revoked by the person through the clinic. */
    public void revoke(String by, String note, Instant now) {
        status = ConsentStatusCodes.REVOKED;
        statusChangedAt = now;
        changedBy = by;
        statusNote = note;
    }

    /** Its period is over. */
    public void expire(Instant now) {
        status = ConsentStatusCodes.EXPIRED;
        statusChangedAt = now;
        changedBy = "system";
    }
}
