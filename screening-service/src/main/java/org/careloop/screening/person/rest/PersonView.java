package org.careloop.screening.person.rest;

import java.time.Instant;
import java.time.LocalDate;
import org.careloop.screening.person.PersonDetails;
import org.careloop.screening.person.service.PersonService;

/**
 * A person as their clinic reads them.
 *
 * @param personRef pseudonymous reference, as events and the other services name the person
 * @param organizationId the clinic
 * @param patientId the clinic's own identifier
 * @param givenName given name(s)
 * @param familyName family name
 * @param birthDate date of birth
 * @param preferredLanguage BCP-47 tag
 * @param phone E.164 number
 * @param email e-mail address
 * @param address postal address
 * @param preferredContactMethod how to reach them
 * @param preferredContactTimes when to reach them
 * @param doNotContact organizations must not contact them
 * @param updatedAt when the details last changed
 */
public record PersonView(
        String personRef,
        String organizationId,
        String patientId,
        String givenName,
        String familyName,
        LocalDate birthDate,
        String preferredLanguage,
        String phone,
        String email,
        PersonDetails.Address address,
        String preferredContactMethod,
        String preferredContactTimes,
        boolean doNotContact,
        Instant updatedAt) {

    static PersonView of(PersonService.Known known) {
        var p = known.person();
        var d = known.details();
        return new PersonView(
                p.personRef,
                p.organizationId,
                d.patientId(),
                d.givenName(),
                d.familyName(),
                d.birthDate(),
                p.preferredLanguage,
                d.phone(),
                d.email(),
                d.address(),
                d.preferredContactMethod(),
                d.preferredContactTimes(),
                p.doNotContact,
                p.updatedAt);
    }
}
