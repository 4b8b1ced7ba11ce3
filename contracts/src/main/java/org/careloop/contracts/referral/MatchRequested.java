package org.careloop.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code match-requested}: the referral service asks the directory for a fresh match for one need whose
 * candidates are used up, excluding the services already tried. The directory answers with a {@code needs-matched}
 * that carries {@code matchRequestId}. No personal data.
 *
 * @param requestId id of this request, echoed as {@code matchRequestId} in the answer
 * @param screeningId the screening the need came from (the answer's key)
 * @param needId the need to match (the event key)
 * @param patientId the person's pseudonymous reference (see {@code screening-completed})
 * @param category SDOHCC category code of the need
 * @param requesterOrganizationId the clinic organization that screened the patient
 * @param excludeServiceIds services already tried for this need
 * @param attempt the attempt the match is for
 * @param requestedAt when the request was made
 * @param consentRecipients the organizations the person's consent covers; null for all (added)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchRequested(
        @NotNull UUID requestId,
        @NotNull UUID screeningId,
        @NotNull UUID needId,
        @NotBlank String patientId,
        @NotBlank String category,
        @NotBlank String requesterOrganizationId,
        @NotNull List<@NotBlank String> excludeServiceIds,
        @Positive int attempt,
        @NotNull Instant requestedAt,
        List<@NotBlank String> consentRecipients) {

    /** The event as producers before consent recipients wrote it. */
    public MatchRequested(
            UUID requestId,
            UUID screeningId,
            UUID needId,
            String patientId,
            String category,
            String requesterOrganizationId,
            List<String> excludeServiceIds,
            int attempt,
            Instant requestedAt) {
        this(
                requestId,
                screeningId,
                needId,
                patientId,
                category,
                requesterOrganizationId,
                excludeServiceIds,
                attempt,
                requestedAt,
                null);
    }
}
