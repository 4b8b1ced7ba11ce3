package org.careloop.screening.person.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.careloop.screening.person.PersonDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The person as the clinic knows them. Every field is optional; what is given is validated and stored encrypted, and
 * never leaves CareLoop on an event.
 *
 * @param givenName given name(s)
 * @param familyName family name
 * @param birthDate ISO date, not in the future and not before 1900
 * @param preferredLanguage BCP-47 language tag, e.g. {@code es} or {@code pt-BR}
 * @param phone E.164 phone number, e.g. {@code +16175550100}
 * @param email e-mail address
 * @param address postal address
 * @param preferredContactMethod {@code phone}, {@code sms}, {@code email} or {@code mail}
 * @param preferredContactTimes when to reach the person, in their words
 * @param doNotContact organizations must not contact the person (e.g. a safety case)
 */
public record PersonRequest(
        @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) @Schema(examples = "Maria")
        String givenName,

        @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) @Schema(examples = "Lopez")
        String familyName,

        @PastOrPresent(message = "must not be in the future") @Schema(examples = "1984-03-02")
        LocalDate birthDate,

        @Pattern(regexp = LANGUAGE, message = "must be a BCP-47 language tag such as es or pt-BR")
        @Schema(examples = "es")
        String preferredLanguage,

        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +16175550100")
        @Schema(examples = "+16175550100")
        String phone,

        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address such as maria@example.org")
        @Schema(examples = "maria@example.org")
        String email,

        @Valid AddressRequest address,

        @Pattern(regexp = "phone|sms|email|mail", message = "must be phone, sms, email or mail")
        String preferredContactMethod,

        @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) @Schema(examples = "Weekday mornings")
        String preferredContactTimes,

        Boolean doNotContact) {

    /** Printable text on one line: no control characters. */
    static final String TEXT = "[^\\p{Cntrl}]*";

    static final String TEXT_MESSAGE = "must not contain control characters";

    /** BCP-47, as far as a pattern can tell: a 2–3 letter language and up to three subtags. */
    public static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}";

    /**
     * A postal address.
     *
     * @param lines street lines, at most three
     * @param city city
     * @param state state or region
     * @param postalCode postal code
     * @param country ISO 3166-1 alpha-2 code, e.g. {@code US}
     */
    public record AddressRequest(
            @Size(max = 3, message = "must hold at most 3 lines")
            List<@NotBlank @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String> lines,

            @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE)
            String city,

            @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_MESSAGE)
            String state,

            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 -]{1,9}", message = "must be a postal code such as 02118")
            String postalCode,

            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as US")
            String country) {

        PersonDetails.Address toAddress() {
            return new PersonDetails.Address(
                    lines == null ? null : List.copyOf(lines), city, state, postalCode, country);
        }
    }

    /** The details to store, the clinic's identifier set by the caller. */
    public PersonDetails toDetails(String patientId) {
        return new PersonDetails(
                patientId,
                givenName,
                familyName,
                birthDate,
                phone,
                email,
                address == null ? null : address.toAddress(),
                preferredContactMethod,
                preferredContactTimes);
    }
}
