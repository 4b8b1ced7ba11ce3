package org.careloop.screening.screening.messaging;

import org.careloop.contracts.screening.ScreeningCompleted;
import org.careloop.screening.screening.CompletedScreening;

/** Maps recorded screenings to event data: ids and codes only, never anything that identifies the patient. */
public final class ScreeningEvents {

    private ScreeningEvents() {}

    public static ScreeningCompleted completed(CompletedScreening completed) {
        var screening = completed.screening();
        return new ScreeningCompleted(
                screening.id,
                screening.patientId,
                screening.requesterOrganizationId,
                screening.instrument,
                screening.instrumentVersion,
                screening.completedAt,
                completed.consent().shareWithCommunityOrganizations,
                completed.needs().stream()
                        .map(need -> new ScreeningCompleted.Need(need.id, need.category, need.evidence))
                        .toList());
    }
}
