package org.careloop.contracts.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code screening-completed}: a scored screening. Ids and codes only, never names, birth dates or
 * contact details.
 *
 * @param screeningId the screening's id (the event key)
 * @param patientId opaque patient reference issued by the clinic system
 * @param requesterOrganizationId the clinic organization that performed the screening
 * @param instrument instrument code, e.g. {@code AHC-HRSN}
 * @param instrumentVersion version of the instrument and scoring rules
 * @param completedAt when the screening was completed
 * @param consentToShare whether the patient consented to share the needs with community organizations
 * @param needs the positive needs found; may be empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScreeningCompleted(
        @NotNull UUID screeningId,
        @NotBlank String patientId,
        @NotBlank String requesterOrganizationId,
        @NotBlank String instrument,
        @NotBlank String instrumentVersion,
        @NotNull Instant completedAt,
        boolean consentToShare,
        @NotNull List<@Valid @NotNull Need> needs) {

    /**
     * One positive need.
     *
     * @param needId id of the need within the screening service
     * @param category SDOHCC category code, e.g. {@code food-insecurity}
     * @param evidence LOINC codes of the items that made the need positive
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Need(
            @NotNull UUID needId,
            @NotBlank String category,
            @NotNull List<String> evidence) {}
}
