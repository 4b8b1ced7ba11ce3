package org.careloop.screening.scoring;

/**
 * SDOHCC category codes (HL7 SDOH Clinical Care IG, {@code SDOHCC-ValueSetSDOHCategory}) the instruments map to.
 */
public final class SdohCategories {

    /** Code system of the categories. */
    public static final String SYSTEM =
            "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";

    public static final String FOOD_INSECURITY = "food-insecurity";
    public static final String HOUSING_INSTABILITY = "housing-instability";
    public static final String HOMELESSNESS = "homelessness";
    public static final String INADEQUATE_HOUSING = "inadequate-housing";
    public static final String TRANSPORTATION_INSECURITY = "transportation-insecurity";
    public static final String UTILITY_INSECURITY = "utility-insecurity";
    /** The IG has no interpersonal-safety code; the SHIN-NY HRSN IG maps the AHC safety items here. */
    public static final String UNSPECIFIED = "sdoh-category-unspecified";

    private SdohCategories() {}
}
