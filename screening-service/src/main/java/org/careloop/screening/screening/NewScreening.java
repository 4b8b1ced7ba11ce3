package org.careloop.screening.screening;

import java.util.List;
import org.careloop.screening.consent.service.ConsentService;
import org.careloop.screening.person.rest.PersonRequest;
import org.careloop.screening.scoring.Answer;

/**
 * A screening as submitted, before validation against its instrument.
 *
 * @param patientId opaque patient id from the clinic's system
 * @param requesterOrganizationId the caller's organization, from the token
 * @param recordedBy the caller's name, recorded with the consent
 * @param instrument instrument code, e.g. {@code AHC-HRSN}
 * @param answers the answers, in submitted order
 * @param consent the person's consent decision, recorded with the screening
 * @param person what the clinic knows of the person; null when it sent only the identifier
 */
public record NewScreening(
        String patientId,
        String requesterOrganizationId,
        String recordedBy,
        String instrument,
        List<Answer> answers,
        ConsentService.Terms consent,
        PersonRequest person) {

    /** The patient's consent to share the needs. */
    public boolean shareWithCommunityOrganizations() {
        return consent.permit();
    }
}
