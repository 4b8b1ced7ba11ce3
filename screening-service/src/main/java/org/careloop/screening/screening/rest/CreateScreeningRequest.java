package org.careloop.screening.screening.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.careloop.screening.consent.service.ConsentService;
import org.careloop.screening.person.rest.PersonRequest;
import org.careloop.screening.scoring.Answer;
import org.careloop.screening.screening.NewScreening;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/screenings}. The requesting organization is taken from the caller's token, never from
 * the body.
 *
 * @param patientId the clinic's own identifier of the person; stored encrypted, never sent on (events carry a
 *     pseudonymous reference)
 * @param instrument instrument code
 * @param answers one entry per answered question; unanswered questions are left out
 * @param consent the patient's consent decision
 * @param person who the person is and how to reach them; optional, stored encrypted
 */
public record CreateScreeningRequest(
        @NotNull
        @Pattern(regexp = ScreeningApi.PATIENT_ID_PATTERN, message = ScreeningApi.PATIENT_ID_MESSAGE)
        @Schema(examples = "patient-123", pattern = ScreeningApi.PATIENT_ID_PATTERN)
        String patientId,

        @NotBlank @Schema(examples = "AHC-HRSN") String instrument,

        @NotNull @Size(min = 1, max = 100, message = "must hold between 1 and 100 answers")
        List<@NotNull @Valid AnswerRequest> answers,

        @NotNull(message = "the patient's consent decision is required") @Valid
        ConsentRequest consent,

        @Valid PersonRequest person) {

    /**
     * The answer to one question.
     *
     * @param question LOINC code of the question, e.g. {@code 88122-7}
     * @param answers LOINC answer codes; exactly one unless the question is multi-select
     */
    public record AnswerRequest(
            @NotBlank @Schema(examples = "88122-7") String question,

            @NotNull @Size(min = 1, max = 20, message = "must hold between 1 and 20 answer codes")
            List<@NotBlank String> answers) {}

    /**
     * The patient's consent, recorded with the screening (SDOHCC Consent, category IDSCL).
     *
     * @param shareWithCommunityOrganizations whether the needs may be shared with community organizations
     * @param recipients only these community organizations may receive them; absent for all
     * @param validUntil when the consent ends; absent when it does not
     */
    public record ConsentRequest(
            @NotNull Boolean shareWithCommunityOrganizations,

            @Size(min = 1, max = 50, message = "must name between 1 and 50 organizations")
            List<@NotNull @Pattern(regexp = ORGANIZATION_ID, message = "must be an organization id") String> recipients,

            @Future(message = "must be in the future") Instant validUntil) {

        /** The decision as the consent service records it. */
        public ConsentService.Terms terms() {
            return new ConsentService.Terms(
                    shareWithCommunityOrganizations,
                    recipients == null ? null : List.copyOf(new java.util.TreeSet<>(recipients)),
                    validUntil);
        }
    }

    /** Organization ids as the directory issues them. */
    public static final String ORGANIZATION_ID = "[a-z0-9][a-z0-9-]{0,63}";

    NewScreening toNewScreening(String organizationId, String recordedBy) {
        return new NewScreening(
                patientId,
                organizationId,
                recordedBy,
                instrument,
                answers.stream().map(a -> new Answer(a.question(), a.answers())).toList(),
                consent.terms(),
                person);
    }
}
