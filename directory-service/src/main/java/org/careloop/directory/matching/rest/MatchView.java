package org.careloop.directory.matching.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A ranked service for a need, with what its score is made of.
 *
 * @param rank 1 for the best
 * @param serviceId HSDS service id
 * @param organizationId HSDS organization id
 * @param available places free now, after holds; null when the service publishes no capacity (it qualifies with
 *     capacity unknown, ranked below services with places)
 * @param reason why it ranks here
 * @param score the weighted score, 0 to 1 (added)
 * @param scores the parts of the score, each 0 to 1 (added)
 * @param held places held by open referrals (added)
 * @param maximum places in total, or null when unknown (added)
 * @param unit what the places count (added)
 * @param assuredDate when the service's information was last confirmed, or null (added)
 * @param acceptanceRate acceptance rate with a neutral prior (added)
 * @param medianHoursToAcknowledge median time to acknowledge over the recent samples, or null (added)
 * @param recentReferrals holds its organization took within the load window (added)
 * @param distanceKm distance from the service's nearest location to the centroid of the person's postal code, or null
 *     when not known (no postal code given, or no located location) (added)
 * @param capacityKnown whether the service publishes its capacity (added)
 */
public record MatchView(
        int rank,
        @JsonProperty("service_id") String serviceId,
        @JsonProperty("organization_id") String organizationId,
        Integer available,
        String reason,
        double score,
        ScoresView scores,
        int held,
        Integer maximum,
        String unit,
        @JsonProperty("assured_date") LocalDate assuredDate,
        @JsonProperty("acceptance_rate") double acceptanceRate,
        @JsonProperty("median_hours_to_acknowledge") Double medianHoursToAcknowledge,
        @JsonProperty("recent_referrals") int recentReferrals,
        @JsonProperty("distance_km") Double distanceKm,
        @JsonProperty("capacity_known") boolean capacityKnown) {

    /**
     * The parts of a score.
     *
     * @param capacity places free after holds
     * @param acceptance acceptance rate with a neutral prior
     * @param acknowledgement speed of acknowledgement with a neutral prior
     * @param freshness how recently the information was confirmed
     * @param load few recent referrals compared with the other candidates
     * @param distance closeness to the person's postal code, 0.5 when not known (added)
     */
    public record ScoresView(
            double capacity,
            double acceptance,
            double acknowledgement,
            double freshness,
            double load,
            double distance) {}
}
