package org.careloop.screening.screening.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.screening.screening.CompletedScreening;

/**
 * A recorded screening as the API returns it.
 *
 * @param id screening id
 * @param patientId opaque patient id
 * @param requesterOrganizationId organization that performed the screening
 * @param instrument instrument code
 * @param instrumentVersion version of the questions and scoring rules
 * @param completedAt when it was recorded
 * @param consent the consent recorded with it
 * @param answers the answers, in submitted order
 * @param needs the positive needs scoring found; empty if none
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
        List<NeedView> needs) {

    /** The consent decision and who recorded it when. */
    public record ConsentView(boolean shareWithCommunityOrganizations, Instant recordedAt, String recordedBy) {}

    /** The answer codes given to one question. */
    public record AnswerView(String question, List<String> answers) {}

    /** A positive need: its SDOHCC category and the questions that made it positive. */
    public record NeedView(UUID id, String category, List<String> evidence) {}

    static ScreeningView of(CompletedScreening completed) {
        var s = completed.screening();
        var c = completed.consent();
        return new ScreeningView(
                s.id,
                s.patientId,
                s.requesterOrganizationId,
                s.instrument,
                s.instrumentVersion,
                s.completedAt,
                c == null ? null : new ConsentView(c.shareWithCommunityOrganizations, c.recordedAt, c.recordedBy),
                completed.answers().stream()
                        .map(a -> new AnswerView(a.question, List.copyOf(a.answerCodes)))
                        .toList(),
                completed.needs().stream()
                        .map(n -> new NeedView(n.id, n.category, List.copyOf(n.evidence)))
                        .toList());
    }
}
