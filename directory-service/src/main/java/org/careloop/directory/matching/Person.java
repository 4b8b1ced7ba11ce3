package org.careloop.directory.matching;

import java.util.Locale;
import org.careloop.contracts.codes.AgeBands;

/**
 * What matching knows about the person: the routing facts of {@code screening-completed}, each possibly unknown. An
 * unknown fact does not filter.
 *
 * @param postalCode 5-digit postal code, or null
 * @param ageBand age band of {@link AgeBands}, or null
 * @param language primary language subtag, lower case (e.g. {@code es} of {@code es-US}), or null
 */
public record Person(String postalCode, String ageBand, String language) {

    /** Nothing known: every service of the category may qualify. */
    public static final Person UNKNOWN = new Person(null, null, null);

    public Person {
        if (postalCode != null && !postalCode.matches("[0-9]{5}")) {
            throw new IllegalArgumentException("postal code must be 5 digits, was " + postalCode);
        }
        if (ageBand != null && !AgeBands.isCode(ageBand)) {
            throw new IllegalArgumentException("unknown age band " + ageBand);
        }
        if (language != null && !language.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("language must be a primary subtag, was " + language);
        }
    }

    /**
     * The facts as events carry them: a ZIP+4 or longer code is cut to its five digits, anything else that is not a
     * ZIP code counts as unknown; a BCP-47 tag is reduced to its primary subtag.
     */
    public static Person of(String postalCode, String ageBand, String languageTag) {
        String zip = postalCode == null ? null : postalCode.strip();
        if (zip != null) {
            zip = zip.matches("[0-9]{5}([- ]?[0-9]{4})?") ? zip.substring(0, 5) : null;
        }
        return new Person(zip, AgeBands.isCode(ageBand) ? ageBand : null, primarySubtag(languageTag));
    }

    /** The primary subtag of a BCP-47 tag, lower case; null when the tag is blank or malformed. */
    public static String primarySubtag(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    /** The youngest age of the band, or null when the band is unknown. */
    public Integer minimumAge() {
        return switch (ageBand) {
            case null -> null;
            case AgeBands.CHILD -> 0;
            case AgeBands.YOUNG_ADULT -> 18;
            case AgeBands.ADULT -> 26;
            case AgeBands.MIDDLE_AGE -> 45;
            default -> 65;
        };
    }

    /** The oldest age of the band (150 for 65+), or null when the band is unknown. */
    public Integer maximumAge() {
        return switch (ageBand) {
            case null -> null;
            case AgeBands.CHILD -> 17;
            case AgeBands.YOUNG_ADULT -> 25;
            case AgeBands.ADULT -> 44;
            case AgeBands.MIDDLE_AGE -> 64;
            default -> 150;
        };
    }

    /** The language's English name, e.g. {@code Spanish} for {@code es}; the code itself when Java does not know it. */
    public static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }
}
