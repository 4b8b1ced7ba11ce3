package org.careloop.screening.consent.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.screening.consent.ConsentDecision;

/**
 * A consent decision (SDOHCC Consent, category IDSCL).
 *
 * @param consentId its id
 * @param personRef whose
 * @param organizationId the clinic that recorded it
 * @param decision {@code permit} or {@code deny}
 * @param status {@code active}, {@code refused}, {@code revoked} or {@code expired}
 * @param recipients the organizations a permit covers; null for all community organizations
 * @param validFrom from when
 * @param validUntil until when; null when open-ended
 * @param screeningId the screening it was recorded with, null when recorded on its own
 * @param recordedAt when recorded
 * @param recordedBy who recorded it
 * @param statusChangedAt when it took its status
 * @param changedBy who revoked it ({@code system} for an expiry)
 * @param statusNote the reason given for the revocation
 */
public record ConsentView(
        UUID consentId,
        String personRef,
        String organizationId,
        String decision,
        String status,
        List<String> recipients,
        Instant validFrom,
        Instant validUntil,
        UUID screeningId,
        Instant recordedAt,
        String recordedBy,
        Instant statusChangedAt,
        String changedBy,
        String statusNote) {

    public static ConsentView of(ConsentDecision c) {
        return new ConsentView(
                c.id,
                c.personRef,
                c.organizationId,
                c.decision,
                c.status,
                c.recipients == null ? null : List.copyOf(c.recipients),
                c.validFrom,
                c.validUntil,
                c.screeningId,
                c.recordedAt,
                c.recordedBy,
                c.statusChangedAt,
                c.changedBy,
                c.statusNote);
    }
}
