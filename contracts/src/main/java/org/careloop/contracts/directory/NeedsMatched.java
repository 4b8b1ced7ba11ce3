package org.careloop.contracts.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code needs-matched}: the directory's answer to a completed screening, one entry per positive need.
 *
 * @param screeningId the screening the needs came from (the event key)
 * @param patientId opaque patient reference
 * @param requesterOrganizationId the clinic organization that screened the patient
 * @param consentToShare the consent recorded with the screening
 * @param matchedAt when matching ran
 * @param matches one entry per need; {@code serviceId} is null when no service with capacity was found
 */
public record NeedsMatched(
        @NotNull UUID screeningId,
        @NotBlank String patientId,
        @NotBlank String requesterOrganizationId,
        boolean consentToShare,
        @NotNull Instant matchedAt,
        @NotNull List<@Valid @NotNull Match> matches) {

    /**
     * The best service for one need.
     *
     * @param needId the need's id from {@code screening-completed}
     * @param category SDOHCC category code
     * @param serviceId HSDS service id, or null when unmatched
     * @param organizationId HSDS organization id of the service, or null when unmatched
     * @param rank 1 for the best candidate
     * @param reason human-readable explanation of the choice (or of why nothing matched)
     */
    public record Match(
            @NotNull UUID needId,
            @NotBlank String category,
            String serviceId,
            String organizationId,
            int rank,
            @NotBlank String reason) {

        public boolean matched() {
            return serviceId != null;
        }
    }
}
