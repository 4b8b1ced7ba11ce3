package org.careloop.referral.review.rest;

import java.util.List;
import java.util.UUID;
import org.careloop.referral.review.service.ReviewService;

/**
 * The ranked candidates of a referral's need, for the clinic reviewing a draft.
 *
 * @param referralId the referral
 * @param needId its need
 * @param status the referral's status (a draft while under review)
 * @param category SDOHCC category code of the need
 * @param sensitive whether the need is an interpersonal-safety need (always reviewed)
 * @param items the candidates in the directory's order: match round, then rank
 */
public record CandidatesView(
        UUID referralId, UUID needId, String status, String category, boolean sensitive, List<CandidateView> items) {

    /**
     * One candidate.
     *
     * @param serviceId HSDS service id
     * @param organizationId the organization that runs it
     * @param round the match round that offered it (1 = the screening's match)
     * @param rank its rank in that round, 1 = best
     * @param reason the directory's reason for the rank
     * @param available free places when it was matched
     * @param score the directory's score when it was matched
     * @param serviceStatus the service's status as the directory last published it, null when not known yet
     * @param availableNow free places as the directory last published them, null when not known
     * @param proposed whether the referral names this service now
     * @param tried whether an earlier attempt at the need went to this organization
     * @param consentCovers whether the person's consent covers this organization (a draft may only go to one that it
     *     does)
     */
    public record CandidateView(
            String serviceId,
            String organizationId,
            int round,
            int rank,
            String reason,
            Integer available,
            Double score,
            String serviceStatus,
            Integer availableNow,
            boolean proposed,
            boolean tried,
            boolean consentCovers) {}

    public static CandidatesView of(ReviewService.Candidates candidates) {
        var referral = candidates.referral();
        return new CandidatesView(
                referral.id(),
                referral.needId(),
                referral.status().code(),
                referral.category(),
                candidates.sensitive(),
                candidates.items().stream()
                        .map(c -> new CandidateView(
                                c.offered().serviceId(),
                                c.offered().organizationId(),
                                c.offered().round(),
                                c.offered().rank(),
                                c.offered().reason(),
                                c.offered().available(),
                                c.offered().score(),
                                c.known() == null ? null : c.known().serviceStatus(),
                                c.known() == null ? null : c.known().available(),
                                c.proposed(),
                                c.tried(),
                                c.consented()))
                        .toList());
    }
}
