package org.careloop.screening.screening.messaging;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.careloop.contracts.codes.AgeBands;
import org.careloop.contracts.screening.ScreeningCompleted;
import org.careloop.screening.consent.ConsentDecision;
import org.careloop.screening.person.PersonDetails;
import org.careloop.screening.person.service.PersonService;
import org.careloop.screening.screening.CompletedScreening;

/**
 * Maps recorded screenings to event data: the person's pseudonymous reference, codes and coarse routing facts only,
 * never the clinic's identifier, a name, a birth date or a way to reach the person.
 */
public final class ScreeningEvents {

    private ScreeningEvents() {}

    public static ScreeningCompleted completed(
            CompletedScreening completed, PersonService.Known person, ConsentDecision decision) {
        var screening = completed.screening();
        PersonDetails details = person.details();
        String ageBand = details.birthDate() == null
                ? null
                : AgeBands.of(details.birthDate(), LocalDate.ofInstant(screening.completedAt, ZoneOffset.UTC));
        return new ScreeningCompleted(
                screening.id,
                person.person().personRef,
                screening.requesterOrganizationId,
                screening.instrument,
                screening.instrumentVersion,
                screening.completedAt,
                ConsentDecision.PERMIT.equals(decision.decision),
                completed.needs().stream()
                        .map(need -> new ScreeningCompleted.Need(need.id, need.category, need.evidence, need.sensitive))
                        .toList(),
                new ScreeningCompleted.ConsentTerms(
                        decision.id,
                        decision.recipients == null ? null : List.copyOf(decision.recipients),
                        decision.validUntil),
                person.person().doNotContact,
                details.postalArea(),
                ageBand,
                person.person().preferredLanguage,
                details.postalCode());
    }
}
