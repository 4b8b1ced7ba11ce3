package org.careloop.directory.matching;

import java.time.LocalDate;
import org.careloop.directory.catalog.ServiceStatus;
import org.careloop.directory.responsiveness.ResponsivenessStats;

/**
 * A service that addresses a category, with the facts ranking needs.
 *
 * @param category the SDOHCC category the service is listed under
 * @param serviceId HSDS service id
 * @param organizationId HSDS organization id
 * @param status HSDS service status
 * @param available places free now after holds, or null when the service publishes no capacity
 * @param held places held by open holds
 * @param maximum places in total, or null when unknown
 * @param unit what the places count, or null without capacity
 * @param assuredDate when the service's information was last confirmed, or null
 * @param responsiveness what was learned about how its organization answers referrals
 * @param recentHolds holds taken at the services of its organization within the load window
 * @param fit how it fits the person's place, age and language (the query checked; ranking and reasons read it)
 */
public record Candidate(
        String category,
        String serviceId,
        String organizationId,
        ServiceStatus status,
        Integer available,
        int held,
        Integer maximum,
        String unit,
        LocalDate assuredDate,
        ResponsivenessStats responsiveness,
        int recentHolds,
        Fit fit) {

    /** A candidate matched without any person facts. */
    public Candidate(
            String category,
            String serviceId,
            String organizationId,
            ServiceStatus status,
            Integer available,
            int held,
            Integer maximum,
            String unit,
            LocalDate assuredDate,
            ResponsivenessStats responsiveness,
            int recentHolds) {
        this(
                category,
                serviceId,
                organizationId,
                status,
                available,
                held,
                maximum,
                unit,
                assuredDate,
                responsiveness,
                recentHolds,
                Fit.UNKNOWN);
    }

    /** Whether the service publishes its capacity; without, it qualifies with capacity "unknown". */
    public boolean capacityKnown() {
        return available != null;
    }

    /**
     * How a qualified service fits the person.
     *
     * @param person what is known of the person
     * @param coveredByArea whether one of its service areas covers the person's postal code
     * @param distanceKm distance from its nearest location to the postal code's centroid, or null (no postal code, no
     *     centroid or no located location)
     * @param radiusKm how far from its locations it serves when it has no service area
     * @param speaksLanguage whether the service or one of its locations speaks the person's language
     * @param languageName the name of that language as the directory has it, or null
     * @param interpretation whether the service offers interpretation ({@code interpretation_services})
     * @param languagesPublished whether the service or one of its locations lists any language at all
     */
    public record Fit(
            Person person,
            boolean coveredByArea,
            Double distanceKm,
            double radiusKm,
            boolean speaksLanguage,
            String languageName,
            boolean interpretation,
            boolean languagesPublished) {

        public static final Fit UNKNOWN = new Fit(Person.UNKNOWN, false, null, 0, false, null, false, false);
    }
}
