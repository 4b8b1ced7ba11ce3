package org.careloop.directory.matching;

import java.time.LocalDate;
import org.careloop.directory.catalog.ServiceStatus;

/**
 * A service that addresses a category, with the facts ranking needs.
 *
 * @param category the SDOHCC category the service is listed under
 * @param serviceId HSDS service id
 * @param organizationId HSDS organization id
 * @param status HSDS service status
 * @param available places free now, or null when the service publishes no capacity
 * @param unit what the places count, or null without capacity
 * @param assuredDate when the service's information was last confirmed, or null
 */
public record Candidate(
        String category,
        String serviceId,
        String organizationId,
        ServiceStatus status,
        Integer available,
        String unit,
        LocalDate assuredDate) {}
