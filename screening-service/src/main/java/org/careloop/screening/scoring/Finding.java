package org.careloop.screening.scoring;

import java.util.List;
import org.careloop.contracts.codes.SdohCategories;

/**
 * A positive need found by scoring a screening.
 *
 * @param category SDOHCC category code, see {@link SdohCategories}
 * @param evidence LOINC codes of the questions whose answers made the need positive
 */
public record Finding(String category, List<String> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }

    public static Finding of(String category, String... evidence) {
        return new Finding(category, List.of(evidence));
    }
}
