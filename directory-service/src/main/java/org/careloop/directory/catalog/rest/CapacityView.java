package org.careloop.directory.catalog.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * HSDS 3.1 service capacity, with the places referrals hold against it.
 *
 * @param unit what is counted
 * @param available places free now, after holds: never negative, never above the maximum
 * @param maximum places in total, or null
 * @param updated when the figures were last reported
 * @param held places held by open referrals (tentatively while requested, firmly once accepted) (added)
 * @param reportedAvailable the places the last report said were free (added)
 */
public record CapacityView(
        String unit,
        int available,
        Integer maximum,
        Instant updated,
        int held,
        @JsonProperty("reported_available") int reportedAvailable) {}
