package org.careloop.screening.disclosure.rest;

import java.util.UUID;
import org.careloop.screening.disclosure.service.ContactService;
import org.careloop.screening.person.PersonDetails;

/**
 * What an organization needs to reach a person referred to it, and nothing more (no birth date, no clinic
 * identifier).
 *
 * @param referralId the referral
 * @param personRef the person's pseudonymous reference
 * @param givenName given name(s)
 * @param familyName family name
 * @param preferredLanguage BCP-47 tag
 * @param phone E.164 number
 * @param email e-mail address
 * @param address postal address
 * @param preferredContactMethod how to reach them
 * @param preferredContactTimes when to reach them
 */
public record ContactView(
        UUID referralId,
        String personRef,
        String givenName,
        String familyName,
        String preferredLanguage,
        String phone,
        String email,
        PersonDetails.Address address,
        String preferredContactMethod,
        String preferredContactTimes) {

    static ContactView of(UUID referralId, ContactService.Disclosure disclosure) {
        PersonDetails d = disclosure.details();
        return new ContactView(
                referralId,
                disclosure.personRef(),
                d.givenName(),
                d.familyName(),
                disclosure.preferredLanguage(),
                d.phone(),
                d.email(),
                d.address(),
                d.preferredContactMethod(),
                d.preferredContactTimes());
    }
}
