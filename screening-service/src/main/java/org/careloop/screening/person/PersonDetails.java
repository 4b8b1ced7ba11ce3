package org.careloop.screening.person;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * What identifies and reaches a person: stored only encrypted, in one column, and never put on Kafka. Every field but
 * the clinic's identifier is optional.
 *
 * @param patientId the clinic's own identifier of the person
 * @param givenName given name(s)
 * @param familyName family name
 * @param birthDate date of birth
 * @param phone E.164 phone number
 * @param email e-mail address
 * @param address postal address
 * @param preferredContactMethod {@code phone}, {@code sms}, {@code email} or {@code mail}
 * @param preferredContactTimes when the person prefers to be contacted, in their words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonDetails(
        String patientId,
        String givenName,
        String familyName,
        LocalDate birthDate,
        String phone,
        String email,
        Address address,
        String preferredContactMethod,
        String preferredContactTimes) {

    /**
     * A postal address.
     *
     * @param lines street lines
     * @param city city
     * @param state state or region
     * @param postalCode postal code
     * @param country ISO 3166-1 alpha-2 country code
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(List<String> lines, String city, String state, String postalCode, String country) {}

    /** Only the clinic's identifier. */
    public static PersonDetails of(String patientId) {
        return new PersonDetails(patientId, null, null, null, null, null, null, null, null);
    }

    /** These details with every field {@code update} has replacing the one here (the identifier never changes). */
    public PersonDetails merge(PersonDetails update) {
        return new PersonDetails(
                patientId,
                update.givenName != null ? update.givenName : givenName,
                update.familyName != null ? update.familyName : familyName,
                update.birthDate != null ? update.birthDate : birthDate,
                update.phone != null ? update.phone : phone,
                update.email != null ? update.email : email,
                update.address != null ? update.address : address,
                update.preferredContactMethod != null ? update.preferredContactMethod : preferredContactMethod,
                update.preferredContactTimes != null ? update.preferredContactTimes : preferredContactTimes);
    }

    /** The coarse location events may carry: the first three characters of the postal code, upper case. */
    public String postalArea() {
        if (address == null || address.postalCode() == null) {
            return null;
        }
        String compact = address.postalCode().replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
        return compact.isEmpty() ? null : compact.substring(0, Math.min(3, compact.length()));
    }

    /**
     * The postal code events may carry for matching by place: a US ZIP code's five digits ({@code 02118-4433} gives
     * {@code 02118}), never the +4 part; null when there is none or it is not a ZIP code (e.g. a UK postcode).
     */
    public String postalCode() {
        if (address == null || address.postalCode() == null) {
            return null;
        }
        java.util.regex.Matcher zip = ZIP.matcher(address.postalCode().strip());
        return zip.matches() ? zip.group(1) : null;
    }

    private static final java.util.regex.Pattern ZIP = java.util.regex.Pattern.compile("([0-9]{5})(?:[- ]?[0-9]{4})?");
}
