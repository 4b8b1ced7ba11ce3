package org.careloop.directory.matching.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A ranked service for a need.
 *
 * @param rank 1 for the best
 * @param serviceId HSDS service id
 * @param organizationId HSDS organization id
 * @param available places free now
 * @param reason why it qualifies
 */
public record MatchView(
        int rank,
        @JsonProperty("service_id") String serviceId,
        @JsonProperty("organization_id") String organizationId,
        int available,
        String reason) {}
