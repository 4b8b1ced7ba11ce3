package org.careloop.screening.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.screening.consent.ConsentDecision;
import org.careloop.screening.scoring.Answer;
import org.careloop.screening.scoring.Finding;
import org.careloop.screening.scoring.Instrument;

/**
 * A screening with everything recorded with it: the aggregate the service reads and writes as one unit.
 *
 * @param screening the screening row
 * @param answers its answers, in submitted order
 * @param needs its positive needs, in the instrument's order
 * @param consent the consent recorded with it (as every version stored it)
 * @param decision the consent decision recorded with it; null for screenings of earlier versions
 * @param patientId the clinic's own identifier of the person, only for that clinic's eyes; null otherwise
 */
public record CompletedScreening(
        Screening screening,
        List<ScreeningAnswer> answers,
        List<ScreeningNeed> needs,
        Consent consent,
        ConsentDecision decision,
        String patientId) {

    public CompletedScreening(
            Screening screening, List<ScreeningAnswer> answers, List<ScreeningNeed> needs, Consent consent) {
        this(screening, answers, needs, consent, null, null);
    }

    /** The same screening as recorded with its consent decision. */
    public CompletedScreening withDecision(ConsentDecision recorded) {
        return new CompletedScreening(screening, answers, needs, consent, recorded, patientId);
    }

    /** The same screening with the clinic's own identifier of the person shown. */
    public CompletedScreening showingPatientId(String id) {
        return new CompletedScreening(screening, answers, needs, consent, decision, id);
    }

    /** Whether an interpersonal-safety need was found. */
    public boolean sensitive() {
        return needs.stream().anyMatch(n -> n.sensitive);
    }

    /**
     * Builds the rows of a scored screening.
     *
     * @param submitted the validated submission
     * @param instrument the instrument it was scored with
     * @param findings the needs scoring found
     * @param completedAt when it is recorded; also the consent's time
     */
    public static CompletedScreening of(
            NewScreening submitted, Instrument instrument, List<Finding> findings, Instant completedAt) {
        Screening screening = new Screening();
        screening.id = UUID.randomUUID();
        screening.patientId = null; // the identifier lives in the person's encrypted details
        screening.requesterOrganizationId = submitted.requesterOrganizationId();
        screening.instrument = instrument.code();
        screening.instrumentVersion = instrument.version();
        screening.completedAt = completedAt;

        List<ScreeningAnswer> answers = new ArrayList<>();
        for (Answer submittedAnswer : submitted.answers()) {
            ScreeningAnswer answer = new ScreeningAnswer();
            answer.id = UUID.randomUUID();
            answer.screeningId = screening.id;
            answer.ordinal = answers.size();
            answer.question = submittedAnswer.question();
            answer.answerCodes = new ArrayList<>(submittedAnswer.answers());
            answers.add(answer);
        }

        List<ScreeningNeed> needs = new ArrayList<>();
        for (Finding finding : findings) {
            ScreeningNeed need = new ScreeningNeed();
            need.id = UUID.randomUUID();
            need.screeningId = screening.id;
            need.ordinal = needs.size();
            need.category = finding.category();
            need.evidence = new ArrayList<>(finding.evidence());
            need.sensitive = finding.sensitive();
            needs.add(need);
        }

        Consent consent = new Consent();
        consent.screeningId = screening.id;
        consent.shareWithCommunityOrganizations = submitted.shareWithCommunityOrganizations();
        consent.recordedAt = completedAt;
        consent.recordedBy = submitted.recordedBy();

        return new CompletedScreening(
                screening, List.copyOf(answers), List.copyOf(needs), consent, null, submitted.patientId());
    }

    public UUID id() {
        return screening.id;
    }
}
