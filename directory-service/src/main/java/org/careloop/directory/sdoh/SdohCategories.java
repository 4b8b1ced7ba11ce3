package org.careloop.directory.sdoh;

import java.util.Set;

/**
 * The SDOHCC category codes (value set {@code SDOHCC-ValueSetSDOHCategory}, system
 * {@value #SYSTEM}): the vocabulary services are classified with and needs arrive in.
 */
public final class SdohCategories {

    public static final String SYSTEM =
            "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";

    /** The 24 codes of the value set; there is no "interpersonal-safety" code (safety maps to unspecified). */
    public static final Set<String> CODES = Set.of(
            "sdoh-category-unspecified",
            "food-insecurity",
            "housing-instability",
            "homelessness",
            "inadequate-housing",
            "transportation-insecurity",
            "financial-insecurity",
            "material-hardship",
            "educational-attainment",
            "employment-status",
            "veteran-status",
            "stress",
            "social-connection",
            "intimate-partner-violence",
            "elder-abuse",
            "personal-health-literacy",
            "health-insurance-coverage-status",
            "medical-cost-burden",
            "digital-literacy",
            "digital-access",
            "utility-insecurity",
            "incarceration-status",
            "language-access",
            "protective-factor");

    private SdohCategories() {}

    public static boolean isCode(String value) {
        return value != null && CODES.contains(value);
    }
}
