package org.careloop.contracts.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code needs-matched}: the directory's answer to a completed screening, one entry per positive need, or to
 * a {@code match-requested} of the referral service, one entry for the need it names.
 *
 * @param screeningId the screening the needs came from (the event key)
 * @param patientId the person's pseudonymous reference (see {@code screening-completed})
 * @param requesterOrganizationId the clinic organization that screened the patient
 * @param consentToShare the consent recorded with the screening
 * @param matchedAt when matching ran
 * @param matches one entry per need; {@code serviceId} is null when no service with capacity was found
 * @param matchRequestId the {@code match-requested} this answers; null for the answer to a screening (added)
 * @param doNotContact whether organizations must not contact the person, from the screening (added)
 * @param consentRecipients the organizations the person's consent covers, null for all; candidates are among them
 *     (added)
 * @param consentId the consent decision recorded with the screening (added): a consumer that does not know it yet
 *     knows the decision is newer than any it holds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NeedsMatched(
        @NotNull UUID screeningId,
        @NotBlank String patientId,
        @NotBlank String requesterOrganizationId,
        boolean consentToShare,
        @NotNull Instant matchedAt,
        @NotNull List<@Valid @NotNull Match> matches,
        UUID matchRequestId,
        Boolean doNotContact,
        List<@NotBlank String> consentRecipients,
        UUID consentId) {

    /** The event as producers before the consent's id wrote it. */
    public NeedsMatched(
            UUID screeningId,
            String patientId,
            String requesterOrganizationId,
            boolean consentToShare,
            Instant matchedAt,
            List<Match> matches,
            UUID matchRequestId,
            Boolean doNotContact,
            List<String> consentRecipients) {
        this(
                screeningId,
                patientId,
                requesterOrganizationId,
                consentToShare,
                matchedAt,
                matches,
                matchRequestId,
                doNotContact,
                consentRecipients,
                null);
    }

    /** The event as producers before the person's routing constraints wrote it. */
    public NeedsMatched(
            UUID screeningId,
            String patientId,
            String requesterOrganizationId,
            boolean consentToShare,
            Instant matchedAt,
            List<Match> matches,
            UUID matchRequestId) {
        this(
                screeningId,
                patientId,
                requesterOrganizationId,
                consentToShare,
                matchedAt,
                matches,
                matchRequestId,
                null,
                null,
                null);
    }

    /** Whether organizations must not contact the person; false when an older producer did not say. */
    public boolean contactProhibited() {
        return Boolean.TRUE.equals(doNotContact);
    }

    /** The event as producers before re-matching wrote it. */
    public NeedsMatched(
            UUID screeningId,
            String patientId,
            String requesterOrganizationId,
            boolean consentToShare,
            Instant matchedAt,
            List<Match> matches) {
        this(screeningId, patientId, requesterOrganizationId, consentToShare, matchedAt, matches, null);
    }

    /**
     * The best service for one need, and the ranked candidates it was chosen from.
     *
     * @param needId the need's id from {@code screening-completed}
     * @param category SDOHCC category code
     * @param serviceId HSDS service id of the best candidate (a place is held for it), or null when unmatched
     * @param organizationId HSDS organization id of the service, or null when unmatched
     * @param rank 1 for the best candidate, 0 when unmatched
     * @param reason human-readable explanation of the choice (or of why nothing matched)
     * @param candidates the ranked candidates, best first, the first being {@code serviceId}; empty when unmatched,
     *     null from older producers (added)
     * @param sensitive whether the need is an interpersonal-safety need: never referred without review (added)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(
            @NotNull UUID needId,
            @NotBlank String category,
            String serviceId,
            String organizationId,
            int rank,
            @NotBlank String reason,
            List<@Valid @NotNull Candidate> candidates,
            Boolean sensitive) {

        /** A match as producers before sensitive needs wrote it. */
        public Match(
                UUID needId,
                String category,
                String serviceId,
                String organizationId,
                int rank,
                String reason,
                List<Candidate> candidates) {
            this(needId, category, serviceId, organizationId, rank, reason, candidates, null);
        }

        /** Whether the need is sensitive; false when an older producer did not say. */
        public boolean sensitiveNeed() {
            return Boolean.TRUE.equals(sensitive);
        }

        /** A match as producers before ranked candidates wrote it. */
        public Match(UUID needId, String category, String serviceId, String organizationId, int rank, String reason) {
            this(needId, category, serviceId, organizationId, rank, reason, null, null);
        }

        public boolean matched() {
            return serviceId != null;
        }

        /** The ranked candidates; the matched service alone when an older producer sent none. */
        public List<Candidate> candidatesOrBest() {
            if (candidates != null && !candidates.isEmpty()) {
                return candidates;
            }
            return matched() ? List.of(new Candidate(serviceId, organizationId, rank, reason, null, null)) : List.of();
        }
    }

    /**
     * One ranked candidate service for a need.
     *
     * @param serviceId HSDS service id
     * @param organizationId HSDS organization id
     * @param rank 1 for the best
     * @param reason why it ranks where it does
     * @param available places free when the match ran, null when unknown
     * @param score the ranking score, 0 to 1, null when unknown
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Candidate(
            @NotBlank String serviceId,
            @NotBlank String organizationId,
            int rank,
            @NotBlank String reason,
            Integer available,
            Double score) {}
}
