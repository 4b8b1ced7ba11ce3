package org.careloop.contracts.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.codes.AgeBands;

/**
 * Data of {@code screening-completed}: a scored screening. Ids and codes only, never names, birth dates or
 * contact details.
 *
 * @param screeningId the screening's id (the event key)
 * @param patientId the person's pseudonymous reference ({@code personRef}): stable for one person at one clinic, not
 *     reversible without the screening service's key, different between clinics; never the clinic's own identifier
 * @param requesterOrganizationId the clinic organization that performed the screening
 * @param instrument instrument code, e.g. {@code AHC-HRSN}
 * @param instrumentVersion version of the instrument and scoring rules
 * @param completedAt when the screening was completed
 * @param consentToShare whether the patient consented to share the needs with community organizations
 * @param needs the positive needs found; may be empty
 * @param consent the terms of the consent recorded with the screening: who may receive the needs and until when
 *     (added; null from older producers)
 * @param doNotContact whether organizations must not contact the person (e.g. a safety case), added
 * @param postalArea coarse location for routing: the first three characters of the person's postal code, added
 * @param ageBand coarse age for eligibility, see {@code AgeBands}, added
 * @param preferredLanguage BCP-47 tag of the person's preferred language, added
 * @param postalCode the person's 5-digit postal code (a ZIP+4 cut to its first five digits), or null when unknown or
 *     not a US ZIP code, added. The directory needs it, not just {@link #postalArea()}: a ZIP3 spans hundreds of
 *     square kilometres, while matching measures the distance from the ZIP5's centroid to a service's locations and
 *     checks service areas listed by ZIP5. With the age band and the preferred language it is all the event says
 *     about the person: no street, no name, no birth date, no contact details.
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
        @NotNull List<@Valid @NotNull Need> needs,
        @Valid ConsentTerms consent,
        Boolean doNotContact,

        @Pattern(regexp = "[A-Za-z0-9]{1,3}", message = "must be 1 to 3 letters or digits")
        String postalArea,

        @Pattern(regexp = AgeBands.PATTERN, message = "must be an age band")
        String ageBand,

        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP-47 language tag")
        String preferredLanguage,

        @Pattern(regexp = "[0-9]{5}", message = "must be 5 digits")
        String postalCode) {

    /** The event as producers before the 5-digit postal code wrote it. */
    public ScreeningCompleted(
            UUID screeningId,
            String patientId,
            String requesterOrganizationId,
            String instrument,
            String instrumentVersion,
            Instant completedAt,
            boolean consentToShare,
            List<Need> needs,
            ConsentTerms consent,
            Boolean doNotContact,
            String postalArea,
            String ageBand,
            String preferredLanguage) {
        this(
                screeningId,
                patientId,
                requesterOrganizationId,
                instrument,
                instrumentVersion,
                completedAt,
                consentToShare,
                needs,
                consent,
                doNotContact,
                postalArea,
                ageBand,
                preferredLanguage,
                null);
    }

    /** The event as producers before consent terms and routing fields wrote it. */
    public ScreeningCompleted(
            UUID screeningId,
            String patientId,
            String requesterOrganizationId,
            String instrument,
            String instrumentVersion,
            Instant completedAt,
            boolean consentToShare,
            List<Need> needs) {
        this(
                screeningId,
                patientId,
                requesterOrganizationId,
                instrument,
                instrumentVersion,
                completedAt,
                consentToShare,
                needs,
                null,
                null,
                null,
                null,
                null);
    }

    /** Whether organizations must not contact the person; false when an older producer did not say. */
    public boolean contactProhibited() {
        return Boolean.TRUE.equals(doNotContact);
    }

    /**
     * What the person consented to, after SDOHCC Consent (category IDSCL).
     *
     * @param consentId the consent decision's id in the screening service
     * @param recipients the community organizations that may receive the needs; null for all of them
     * @param validUntil when the consent ends; null when it does not expire
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsentTerms(@NotNull UUID consentId, List<@NotBlank String> recipients, Instant validUntil) {}

    /**
     * One positive need.
     *
     * @param needId id of the need within the screening service
     * @param category SDOHCC category code, e.g. {@code food-insecurity}
     * @param evidence LOINC codes of the items that made the need positive
     * @param sensitive whether the need is an interpersonal-safety need: never referred without review (added)
     * @param matchCategories the service categories that may take the need, a service in any of them qualifies: e.g.
     *     {@code homelessness} and {@code housing-instability} for "no steady place to live", or CareLoop's
     *     {@code interpersonal-safety} (never {@code sdoh-category-unspecified}) for a positive safety screen (added;
     *     null from older producers, which means the category alone)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Need(
            @NotNull UUID needId,
            @NotBlank String category,
            @NotNull List<String> evidence,
            Boolean sensitive,
            @Size(min = 1, max = 10) List<@NotBlank String> matchCategories) {

        /** A need as producers before match categories wrote it. */
        public Need(UUID needId, String category, List<String> evidence, Boolean sensitive) {
            this(needId, category, evidence, sensitive, null);
        }

        /** A need as producers before sensitive needs wrote it. */
        public Need(UUID needId, String category, List<String> evidence) {
            this(needId, category, evidence, null, null);
        }

        /** The categories of services that may take the need: {@link #matchCategories()}, else the category. */
        public List<String> categoriesToMatch() {
            return matchCategories == null || matchCategories.isEmpty() ? List.of(category) : matchCategories;
        }

        /** Whether the need is sensitive; false when an older producer did not say. */
        public boolean sensitiveNeed() {
            return Boolean.TRUE.equals(sensitive);
        }
    }
}
