package org.careloop.screening.screening.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.screening.consent.ConsentDecision;
import org.careloop.screening.screening.CompletedScreening;

/**
 * A recorded screening as the API returns it.
 *
 * @param id screening id
 * @param patientId the clinic's own identifier of the person: shown to that clinic only, null for anyone else
 * @param requesterOrganizationId organization that performed the screening
 * @param instrument instrument code
 * @param instrumentVersion version of the questions and scoring rules
 * @param completedAt when it was recorded
 * @param consent the consent recorded with it
 * @param answers the answers, in submitted order
 * @param needs the positive needs scoring found; empty if none
 * @param personRef the person's pseudonymous reference, as events and the other services name the person
 * @param referable whether its needs may be referred: the person consented to share them
 * @param notReferredReason why no referral is made ({@code no-consent}), null when referable
 */
public record ScreeningView(
        UUID id,
        String patientId,
        String requesterOrganizationId,
        String instrument,
        String instrumentVersion,
        Instant completedAt,
        ConsentView consent,
        List<AnswerView> answers,
        List<NeedView> needs,
        String personRef,
        boolean referable,
        String notReferredReason) {

    /**
     * The consent decision recorded with the screening.
     *
     * @param shareWithCommunityOrganizations whether the needs may be shared
     * @param recordedAt when
     * @param recordedBy who recorded it
     * @param consentId the decision's id (revoke it with {@code POST /api/v1/consents/{consentId}/revoke})
     * @param status {@code active}, {@code refused}, {@code revoked} or {@code expired}
     * @param recipients the organizations it covers; null for all
     * @param validUntil when it ends; null when it does not
     */
    public record ConsentView(
            boolean shareWithCommunityOrganizations,
            Instant recordedAt,
            String recordedBy,
            UUID consentId,
            String status,
            List<String> recipients,
            Instant validUntil) {}

    /** The answer codes given to one question. */
    public record AnswerView(String question, List<String> answers) {}

    /**
     * A positive need: its SDOHCC category and the questions that made it positive.
     *
     * @param id need id
     * @param category SDOHCC category code
     * @param evidence LOINC codes of the items behind it
     * @param sensitive an interpersonal-safety need: reviewed before any referral
     */
    public record NeedView(UUID id, String category, List<String> evidence, boolean sensitive) {}

    static ScreeningView of(CompletedScreening completed) {
        var s = completed.screening();
        var c = completed.consent();
        ConsentDecision d = completed.decision();
        ConsentView consent = c == null
                ? null
                : new ConsentView(
                        c.shareWithCommunityOrganizations,
                        c.recordedAt,
                        c.recordedBy,
                        d == null ? null : d.id,
                        d == null ? (c.shareWithCommunityOrganizations ? "active" : "refused") : d.status,
                        d == null || d.recipients == null ? null : List.copyOf(d.recipients),
                        d == null ? null : d.validUntil);
        boolean referable = c != null && c.shareWithCommunityOrganizations;
        return new ScreeningView(
                s.id,
                completed.patientId(),
                s.requesterOrganizationId,
                s.instrument,
                s.instrumentVersion,
                s.completedAt,
                consent,
                completed.answers().stream()
                        .map(a -> new AnswerView(a.question, List.copyOf(a.answerCodes)))
                        .toList(),
                completed.needs().stream()
                        .map(n -> new NeedView(n.id, n.category, List.copyOf(n.evidence), n.sensitive))
                        .toList(),
                s.personRef,
                referable,
                referable ? null : "no-consent");
    }
}
