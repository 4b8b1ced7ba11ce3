package org.careloop.contracts.codes;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** Coarse age bands that events carry instead of a birth date: enough for eligibility, too coarse to identify. */
public final class AgeBands {

    public static final String CHILD = "0-17";
    public static final String YOUNG_ADULT = "18-25";
    public static final String ADULT = "26-44";
    public static final String MIDDLE_AGE = "45-64";
    public static final String OLDER_ADULT = "65+";

    public static final List<String> ALL = List.of(CHILD, YOUNG_ADULT, ADULT, MIDDLE_AGE, OLDER_ADULT);

    /** Regular expression of a band, for record annotations. */
    public static final String PATTERN = "0-17|18-25|26-44|45-64|65\\+";

    private AgeBands() {}

    /** The band of a person born on {@code birthDate}, on {@code today}. */
    public static String of(LocalDate birthDate, LocalDate today) {
        int age = Period.between(birthDate, today).getYears();
        if (age < 18) {
            return CHILD;
        }
        if (age <= 25) {
            return YOUNG_ADULT;
        }
        if (age <= 44) {
            return ADULT;
        }
        if (age <= 64) {
            return MIDDLE_AGE;
        }
        return OLDER_ADULT;
    }

    public static boolean isCode(String value) {
        return value != null && ALL.contains(value);
    }
}
