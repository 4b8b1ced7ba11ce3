package org.careloop.directory.catalog.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An HSDS service as the directory lists it.
 *
 * @param id service id
 * @param organizationId the organization that runs it
 * @param name display name
 * @param description what it offers
 * @param status HSDS status
 * @param categories SDOHCC category codes it addresses
 * @param eligibilityDescription who may use it
 * @param minimumAge youngest age served
 * @param maximumAge oldest age served
 * @param assuredDate when the information was last confirmed
 * @param lastModified when the listing last changed
 * @param capacity places available, or null when the service publishes none
 * @param responsiveness how its organization answers referrals (added)
 */
public record ServiceView(
        String id,
        @JsonProperty("organization_id") String organizationId,
        String name,
        String description,
        String status,
        List<String> categories,
        @JsonProperty("eligibility_description") String eligibilityDescription,
        @JsonProperty("minimum_age") Integer minimumAge,
        @JsonProperty("maximum_age") Integer maximumAge,
        @JsonProperty("assured_date") LocalDate assuredDate,
        @JsonProperty("last_modified") Instant lastModified,
        CapacityView capacity,
        ResponsivenessView responsiveness) {}
