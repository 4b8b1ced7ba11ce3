package org.careloop.screening.scoring;

import java.util.List;
import org.careloop.contracts.codes.SdohCategories;

/**
 * A positive need found by scoring a screening.
 *
 * @param category SDOHCC category code, see {@link SdohCategories}
 * @param evidence LOINC codes of the questions whose answers made the need positive
 * @param sensitive an interpersonal-safety need: never referred without review, and the person is not contacted
 *     until the clinic says so
 */
public record Finding(String category, List<String> evidence, boolean sensitive) {

    public Finding {
        evidence = List.copyOf(evidence);
    }

    public Finding(String category, List<String> evidence) {
        this(category, evidence, false);
    }

    /** A sensitive need (interpersonal safety). */
    public static Finding sensitive(String category, List<String> evidence) {
        return new Finding(category, evidence, true);
    }

    public static Finding of(String category, String... evidence) {
        return new Finding(category, List.of(evidence));
    }
}
