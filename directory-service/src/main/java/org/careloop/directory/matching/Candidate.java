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
        int recentHolds) {}
