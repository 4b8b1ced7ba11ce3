package org.careloop.contracts.codes;

import java.util.List;

/**
 * The SDOHCC category codes (value set {@code SDOHCC-ValueSetSDOHCategory}, system {@value #SYSTEM}), written once:
 * the vocabulary needs arrive in and services are classified with.
 */
public final class SdohCategories {

    public static final String SYSTEM =
            "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";

    /** CareLoop's own code system, for what SDOHCC has no code for. */
    public static final String CARELOOP_SYSTEM = "https://careloop.org/fhir/CodeSystem/need-category";

    /**
     * CareLoop's code (system {@value #CARELOOP_SYSTEM}) for services that take a positive interpersonal-safety
     * screen: such a need is {@link #UNSPECIFIED} in SDOHCC terms, but only services tagged with this code match it.
     */
    public static final String INTERPERSONAL_SAFETY = "interpersonal-safety";

    public static final String UNSPECIFIED = "sdoh-category-unspecified";
    public static final String FOOD_INSECURITY = "food-insecurity";
    public static final String HOUSING_INSTABILITY = "housing-instability";
    public static final String HOMELESSNESS = "homelessness";
    public static final String INADEQUATE_HOUSING = "inadequate-housing";
    public static final String TRANSPORTATION_INSECURITY = "transportation-insecurity";
    public static final String FINANCIAL_INSECURITY = "financial-insecurity";
    public static final String MATERIAL_HARDSHIP = "material-hardship";
    public static final String EDUCATIONAL_ATTAINMENT = "educational-attainment";
    public static final String EMPLOYMENT_STATUS = "employment-status";
    public static final String VETERAN_STATUS = "veteran-status";
    public static final String STRESS = "stress";
    public static final String SOCIAL_CONNECTION = "social-connection";
    public static final String INTIMATE_PARTNER_VIOLENCE = "intimate-partner-violence";
    public static final String ELDER_ABUSE = "elder-abuse";
    public static final String PERSONAL_HEALTH_LITERACY = "personal-health-literacy";
    public static final String HEALTH_INSURANCE_COVERAGE_STATUS = "health-insurance-coverage-status";
    public static final String MEDICAL_COST_BURDEN = "medical-cost-burden";
    public static final String DIGITAL_LITERACY = "digital-literacy";
    public static final String DIGITAL_ACCESS = "digital-access";
    public static final String UTILITY_INSECURITY = "utility-insecurity";
    public static final String INCARCERATION_STATUS = "incarceration-status";
    public static final String LANGUAGE_ACCESS = "language-access";
    public static final String PROTECTIVE_FACTOR = "protective-factor";

    /** The 24 codes of the value set; there is no "interpersonal-safety" code (safety maps to unspecified). */
    public static final List<String> CODES = List.of(
            UNSPECIFIED,
            FOOD_INSECURITY,
            HOUSING_INSTABILITY,
            HOMELESSNESS,
            INADEQUATE_HOUSING,
            TRANSPORTATION_INSECURITY,
            FINANCIAL_INSECURITY,
            MATERIAL_HARDSHIP,
            EDUCATIONAL_ATTAINMENT,
            EMPLOYMENT_STATUS,
            VETERAN_STATUS,
            STRESS,
            SOCIAL_CONNECTION,
            INTIMATE_PARTNER_VIOLENCE,
            ELDER_ABUSE,
            PERSONAL_HEALTH_LITERACY,
            HEALTH_INSURANCE_COVERAGE_STATUS,
            MEDICAL_COST_BURDEN,
            DIGITAL_LITERACY,
            DIGITAL_ACCESS,
            UTILITY_INSECURITY,
            INCARCERATION_STATUS,
            LANGUAGE_ACCESS,
            PROTECTIVE_FACTOR);

    private SdohCategories() {}

    public static boolean isCode(String value) {
        return value != null && CODES.contains(value);
    }
}
